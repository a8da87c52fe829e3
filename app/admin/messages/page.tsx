import type { Metadata } from "next";
import { EmptyState } from "@/app/_components/ui/empty-state";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { LocalTime } from "@/app/_components/local-time";
import { page } from "@/app/_edge/page";
import { notificationKinds, isNotificationKind } from "@/lib/notifications/kinds";
import { listOutbox, outboxStatuses, type OutboxStatus } from "@/lib/notifications/inbox";
import { mailConfigured } from "@/lib/platform/mail";
import { buttonClasses } from "@/app/_components/ui/button";
import { Table, Td, Tr, type Column } from "@/app/_components/ui/table";

export const metadata: Metadata = { title: "Messages" };

const statusLabel: Record<OutboxStatus, string> = {
  queued: "Queued",
  sending: "Sending",
  retrying: "Retrying",
  sent: "Sent",
  failed: "Failed",
  dropped: "Not needed",
};

const columns: Column[] = [
  { key: "message", label: "Message" },
  { key: "to", label: "To" },
  { key: "status", label: "Status" },
  { key: "queued", label: "Queued" },
  { key: "sent", label: "Sent" },
];

const kindLabel = (k: string) => (isNotificationKind(k) ? notificationKinds[k].label : k);

/** The admin's mailbox in demo mode, and the delivery log in production: every message and what became of it. */
export default page({ permission: "users.manage" }, async ({ user, query }) => {
  const status = (outboxStatuses as readonly string[]).includes(query.status ?? "") ? (query.status as OutboxStatus) : undefined;
  const before = query.before && !Number.isNaN(Date.parse(query.before)) ? new Date(query.before) : undefined;
  const { items, nextBefore, counts } = await listOutbox({ actor: user, status, before });
  return (
    <AppShell user={user} wide>
      <h1 className="text-2xl font-bold">Messages</h1>
      <p className="mt-1 max-w-prose text-slate-700">
        {mailConfigured()
          ? "Every email Cohort sends through your mail server, and what became of it."
          : "No mail server is set up (SMTP_URL), so emails are delivered here instead: open one to read it as the person would."}{" "}
        “Not needed” means the reminder no longer applied when it was due (for example, the learner had finished).{" "}
        <Link href="/admin/messages/templates" className="underline">
          See every email template
        </Link>
        .
      </p>
      <nav aria-label="Filter by status" className="mt-4 flex flex-wrap gap-2 text-sm">
        <Link
          href="/admin/messages"
          aria-current={!status ? "page" : undefined}
          className={buttonClasses({ variant: !status ? "primary" : "secondary" })}
        >
          All
        </Link>
        {outboxStatuses.map((s) => (
          <Link
            key={s}
            href={`/admin/messages?status=${s}`}
            aria-current={status === s ? "page" : undefined}
            className={buttonClasses({ variant: status === s ? "primary" : "secondary" })}
          >
            {statusLabel[s]} ({counts[s] ?? 0})
          </Link>
        ))}
      </nav>
      <div className="mt-4">
        <Table
          caption="Messages, newest first"
          columns={columns}
          empty={
            <EmptyState
              action={
                status ? (
                  <Link className={buttonClasses({ variant: "secondary" })} href="/admin/messages">
                    Show every message
                  </Link>
                ) : (
                  <Link className={buttonClasses({ variant: "secondary" })} href="/admin">
                    Back to the overview
                  </Link>
                )
              }
            >
              No messages{status ? " with this status" : ""} yet. Reminders and notices appear here as Cohort sends them.
            </EmptyState>
          }
        >
          {items.map((m) => (
            <Tr key={m.id}>
              <Td>
                <Link href={`/admin/messages/${m.id}`} className="font-medium text-brand-800 underline">
                  {m.subject ?? kindLabel(m.kind)}
                </Link>
              </Td>
              <Td>
                {m.recipient} <span className="text-slate-600">{m.recipientEmail}</span>
              </Td>
              <Td>
                {statusLabel[m.status]}
                {m.status === "sent" && m.emailed === false ? " (in the app only)" : ""}
                {m.lastError && m.status !== "sent" ? <span className="block text-red-800">{m.lastError}</span> : null}
              </Td>
              <Td>
                <LocalTime value={m.createdAt.toISOString()} />
              </Td>
              <Td>{m.sentAt ? <LocalTime value={m.sentAt.toISOString()} /> : "—"}</Td>
            </Tr>
          ))}
        </Table>
      </div>
      {nextBefore && (
        <p className="mt-4">
          <Link
            href={`/admin/messages?${new URLSearchParams({ ...(status ? { status } : {}), before: nextBefore.toISOString() })}`}
            className="underline"
          >
            Older messages
          </Link>
        </p>
      )}
    </AppShell>
  );
});
