import type { Metadata } from "next";
import { PublicShell } from "@/app/_components/public-shell";
import { FormButton } from "@/app/notifications/form-button";
import { page } from "@/app/_edge/page";
import { notificationKinds } from "@/lib/notifications/kinds";
import { readUnsubscribeToken } from "@/lib/notifications/unsubscribe";
import { env } from "@/lib/platform/env";
import { unsubscribeAction } from "./actions";

export const metadata: Metadata = { title: "Stop these emails", referrer: "no-referrer" };

/** The footer link of an email: nothing changes until the person presses the button (no side effects on GET). */
export default page<{ token: string }>({ permission: "public" }, async ({ params }) => {
  const target = readUnsubscribeToken(env().NEXTAUTH_SECRET ?? "", params.token);
  return (
    <PublicShell>
      <h1 className="text-2xl font-bold">Stop these emails</h1>
      {target ? (
        <>
          <p className="mt-3 text-slate-700">
            Stop emails for: <strong>{notificationKinds[target.kind].label}</strong>? You will still see these in Cohort under the bell.
          </p>
          <div className="mt-4">
            <FormButton action={unsubscribeAction} hidden={{ token: params.token }} label="Stop these emails" />
          </div>
        </>
      ) : (
        <p className="mt-3 text-slate-700">
          This unsubscribe link is not valid. Sign in to Cohort and open Email choices to change which emails you get.
        </p>
      )}
    </PublicShell>
  );
});
