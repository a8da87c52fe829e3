import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { cardClasses } from "@/app/_components/ui/card";
import { cx } from "@/app/_components/ui/cx";
import { page } from "@/app/_edge/page";
import { renderEmail } from "@/emails/render";
import { sampleInput } from "@/emails/samples";
import { readOrgSettings } from "@/lib/certificates/settings";
import { isNotificationKind, notificationKinds } from "@/lib/notifications/kinds";
import { env } from "@/lib/platform/env";
import { notFound } from "@/lib/platform/errors";

export const metadata: Metadata = { title: "Email template" };

/**
 * One template, rendered by the worker's own renderer with sample data and
 * the organization's name: the HTML part in a sandboxed frame (no scripts,
 * no requests), the plain-text part as text.
 */
export default page<{ kind: string }>({ permission: "users.manage" }, async ({ user, params }) => {
  if (!isNotificationKind(params.kind)) throw notFound();
  const kind = params.kind;
  const { organisationName } = await readOrgSettings();
  const origin = new URL(env().NEXTAUTH_URL ?? "http://localhost:3000").origin;
  const email = await renderEmail(sampleInput(kind, organisationName, origin));
  return (
    <AppShell user={user} wide>
      <p className="text-sm">
        <Link href="/admin/messages" className="underline">
          Messages
        </Link>{" "}
        /{" "}
        <Link href="/admin/messages/templates" className="underline">
          Email templates
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{notificationKinds[kind].label}</h1>
      <p className="mt-1 max-w-prose text-slate-700">
        A preview with sample data. Real emails say what is true when they are sent.{" "}
        {notificationKinds[kind].optional
          ? "People can turn this email off; it carries an unsubscribe link and one-click unsubscribe headers."
          : "This email is always sent: it is about a person's credit."}
      </p>
      <dl className={cx(cardClasses, "mt-4 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]")}>
        <dt className="font-semibold">Subject</dt>
        <dd data-testid="template-subject">{email.subject}</dd>
      </dl>
      <h2 className="mt-6 text-lg font-semibold">As the email shows it</h2>
      <iframe
        title="The email as HTML"
        sandbox=""
        srcDoc={email.html}
        className="mt-2 h-[36rem] w-full rounded-lg border border-slate-200 bg-white"
      />
      <h2 className="mt-6 text-lg font-semibold">Plain text</h2>
      <pre data-testid="template-text" className={cx(cardClasses, "mt-2 whitespace-pre-wrap font-sans text-sm")}>
        {email.text}
      </pre>
    </AppShell>
  );
});
