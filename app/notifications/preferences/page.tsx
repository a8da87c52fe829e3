import type { Metadata } from "next";
import { AppShell } from "@/app/_components/app-shell";
import { page } from "@/app/_edge/page";
import { preferencesOf } from "@/lib/notifications/inbox";
import { PreferencesForm } from "./preferences-form";

export const metadata: Metadata = { title: "Email choices" };

export default page({ permission: "account.own" }, async ({ user }) => {
  const prefs = await preferencesOf({ userId: user.id, role: user.role });
  return (
    <AppShell user={user}>
      <h1 className="text-2xl font-bold">Email choices</h1>
      <p className="mt-1 max-w-prose text-slate-700">
        Choose which emails you get. Every notification still shows under the bell in Cohort. Emails about your credit — a request to revise
        a reflection and a new certificate — are always sent.
      </p>
      <PreferencesForm prefs={prefs} />
    </AppShell>
  );
});
