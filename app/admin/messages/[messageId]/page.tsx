import type { Metadata } from "next";
import { AppShell } from "@/app/_components/app-shell";
import { LocalTime } from "@/app/_components/local-time";
import { page } from "@/app/_edge/page";
import { getOutboxMessage } from "@/lib/notifications/inbox";
import { isNotificationKind, notificationKinds } from "@/lib/notifications/kinds";
import { cardClasses } from "@/app/_components/ui/card";
import { cx } from "@/app/_components/ui/cx";

export const metadata: Metadata = { title: "Message" };

/** One message as it was sent: the plain-text part as text, the HTML part in a sandboxed frame (no scripts, no requests). */
export default page<{ messageId: string }>({ permission: "users.manage" }, async ({ user, params }) => {
  const { message: m, recipient, recipientEmail } = await getOutboxMessage({ actor: user, messageId: params.messageId });
  return (
    <AppShell user={user} wide breadcrumbs={[{ label: "Messages", href: "/admin/messages" }, { label: m.subject ?? "Message" }]}>
      <h1 className="mt-2 text-2xl font-bold">{m.subject ?? (isNotificationKind(m.kind) ? notificationKinds[m.kind].label : m.kind)}</h1>
      <dl className={cx(cardClasses, "mt-4 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]")}>
        <dt className="font-semibold">To</dt>
        <dd>
          {recipient} ({m.toAddress ?? recipientEmail})
        </dd>
        <dt className="font-semibold">Status</dt>
        <dd>
          {m.status}
          {m.attempts > 1 ? ` after ${m.attempts} tries` : ""}
          {m.lastError ? ` — ${m.lastError}` : ""}
        </dd>
        <dt className="font-semibold">Due</dt>
        <dd>
          <LocalTime value={m.sendAfter.toISOString()} />
        </dd>
        {m.sentAt && (
          <>
            <dt className="font-semibold">Sent</dt>
            <dd>
              <LocalTime value={m.sentAt.toISOString()} />{" "}
              {m.emailed === false ? "(shown in the app only: the person turned this email off)" : ""}
            </dd>
          </>
        )}
      </dl>
      {m.textBody ? (
        <>
          <h2 className="mt-6 text-lg font-semibold">Plain text</h2>
          <pre className={cx(cardClasses, "mt-2 whitespace-pre-wrap font-sans text-sm")}>{m.textBody}</pre>
          <h2 className="mt-6 text-lg font-semibold">As the email shows it</h2>
          <iframe
            title="The email as HTML"
            sandbox=""
            srcDoc={m.htmlBody ?? ""}
            className="mt-2 h-[32rem] w-full rounded-lg border border-slate-200 bg-white"
          />
        </>
      ) : (
        <p className={cx(cardClasses, "mt-6 text-slate-700")}>
          Not sent yet: the text is written when the message goes out, from the state at that moment.
        </p>
      )}
    </AppShell>
  );
});
