import { sql } from "drizzle-orm";
import { execRows, type DbOrTx } from "@/db/client";
import { outboxMessages, type OutboxMessage } from "@/db/schema";
import type { NotificationKind } from "@/lib/notifications/kinds";
import type { EmailRenderer } from "@/lib/notifications/render";
import { workerConfig } from "@/lib/notifications/runner";
import { mailboxTransport } from "@/lib/notifications/transport";
import { deliver, LEASE_MS, MAX_ATTEMPTS } from "@/lib/notifications/worker";

const HOUR = 3_600_000;

type Status = "sent" | "failed" | "retrying" | "queued";

/** One demo message: to whom (email), which kind, about what (a query for the subject's id), and what became of it. */
type DemoMessage = {
  to: string;
  kind: NotificationKind;
  status: Status;
  subject?: "progress" | "certificate" | "waiting reflection" | "cohort" | "none";
  cohort?: string;
  payload?: (ids: { progressId: string | null }) => Record<string, unknown>;
  error?: string;
};

const EVENING = "Evening Peer Support Cohort";
const NORTHSIDE = "Northside Recovery Cohort";
const EASTSIDE = "Eastside Reentry Cohort";

/**
 * The admin's mailbox and the demo learners' bells: every kind of message,
 * in every state a message ends or waits in. Sent ones go through the
 * worker's own deliver() with the in-app mailbox (no email leaves), so their
 * text is the real templates' and their in-app notifications are unread.
 * Failed and retrying ones carry the error an SMTP server would give.
 */
export const demoMessages: DemoMessage[] = [
  // Jordan Lee (the demo learner): three unread notices of three kinds
  { to: "jordan.lee", kind: "assigned", status: "sent", subject: "progress", cohort: EVENING },
  { to: "jordan.lee", kind: "opens_today", status: "sent", subject: "progress", cohort: EVENING },
  {
    to: "jordan.lee",
    kind: "manual_reminder",
    status: "sent",
    subject: "progress",
    cohort: EVENING,
    payload: () => ({ instructorName: "Dana Rivera" }),
  },
  { to: "tyrone.jackson", kind: "due_soon", status: "sent", subject: "progress", cohort: EVENING },
  { to: "pat.murphy", kind: "overdue", status: "sent", subject: "progress", cohort: NORTHSIDE },
  {
    to: "derek.wilson",
    kind: "revision_requested",
    status: "sent",
    subject: "progress",
    cohort: EVENING,
    payload: ({ progressId }) => ({
      progressId,
      moduleTitle: "Professional Relationships & Boundaries",
      feedback: "You describe the situation clearly. Say more about what you would do next time, and how you would explain the boundary.",
    }),
  },
  { to: "grace.kim", kind: "reflections_accepted", status: "sent", subject: "progress", cohort: EVENING },
  { to: "grace.kim", kind: "certificate_issued", status: "sent", subject: "certificate" },
  { to: "rivera", kind: "review_waiting", status: "sent", subject: "waiting reflection" },
  { to: "rivera", kind: "weekly_digest", status: "sent", subject: "cohort", cohort: NORTHSIDE },
  { to: "admin", kind: "org_summary", status: "sent", subject: "none" },
  {
    to: "lena.novak",
    kind: "account_changed",
    status: "sent",
    subject: "none",
    // an admin corrected a misspelled name
    payload: () => ({ changes: { name: ["Lena Novack", "Lena Novak"] } }),
  },
  // what did not go out (yet)
  {
    to: "omar.farouk",
    kind: "cohort_invitation",
    status: "failed",
    subject: "cohort",
    cohort: EASTSIDE,
    error: "550 5.1.1 <omar.farouk@demo.cohort>: Recipient address rejected: User unknown in virtual mailbox table",
  },
  {
    to: "okafor",
    kind: "weekly_digest",
    status: "retrying",
    subject: "cohort",
    cohort: EASTSIDE,
    error: "421 4.7.0 Try again later, closing connection",
  },
  { to: "maria.santos", kind: "due_soon", status: "queued", subject: "progress", cohort: EVENING },
  { to: "ray.thompson", kind: "assigned", status: "queued", subject: "progress", cohort: EASTSIDE },
];

async function idsFor(db: DbOrTx, m: DemoMessage) {
  const email = `${m.to}@demo.cohort`;
  const [row] = await execRows<{ user_id: string | null; progress_id: string | null; subject_id: string | null }>(
    db,
    sql`select u.id as user_id,
          (select p.id from assignment_progress p join cohorts c on c.id = p.cohort_id where p.user_id = u.id and c.name = ${m.cohort ?? ""} limit 1) as progress_id,
          case ${m.subject ?? "none"}::text
            when 'certificate' then (select c.id from certificates c join assignment_progress p on p.id = c.progress_id where p.user_id = u.id order by c.id limit 1)
            when 'waiting reflection' then (select r.id from reflections r join assignment_progress p on p.id = r.progress_id
               join cohort_instructors ci on ci.cohort_id = p.cohort_id where ci.user_id = u.id and r.status = 'submitted' order by r.submitted_at limit 1)
            when 'cohort' then (select id from cohorts where name = ${m.cohort ?? ""})
          end as subject_id
        from users u where u.email = ${email}`,
  );
  if (!row?.user_id) throw new Error(`demo messages: no demo account ${email}`);
  const subjectId = m.subject === "progress" ? row.progress_id : row.subject_id;
  if (m.subject !== "none" && !subjectId) throw new Error(`demo messages: no ${m.subject} for ${email}`);
  return { userId: row.user_id, progressId: row.progress_id, subjectId };
}

/**
 * Put the demo messages in the outbox (keys "demo:…": running it again adds
 * nothing). With the templates (`render`), the sent ones are delivered now
 * to the in-app mailbox; without them (a script that seeds without the
 * app), they wait as due and the app's worker delivers them when it starts.
 */
export async function seedDemoMessages(db: DbOrTx, render?: EmailRenderer, now = new Date()) {
  const config = render ? await workerConfig(db, render, mailboxTransport()) : null;
  for (const [i, m] of demoMessages.entries()) {
    const { userId, progressId, subjectId } = await idsFor(db, m);
    const deliverNow = m.status === "sent" && config;
    const waits = m.status === "failed" || m.status === "retrying";
    const [row] = await db
      .insert(outboxMessages)
      .values({
        key: `demo:${m.kind}:${m.to}:${i}`,
        recipientId: userId,
        kind: m.kind,
        subjectId,
        payload: m.payload?.({ progressId }) ?? {},
        status: deliverNow ? "sending" : m.status === "sent" ? "queued" : m.status,
        leaseUntil: deliverNow ? new Date(now.getTime() + LEASE_MS) : null,
        attempts: deliverNow ? 1 : m.status === "failed" ? MAX_ATTEMPTS : m.status === "retrying" ? 2 : 0,
        lastError: waits ? m.error : null,
        // queued: tomorrow morning; retrying: its next try in an hour; the rest: due already
        sendAfter: new Date(now.getTime() + (m.status === "queued" ? 18 * HOUR : m.status === "retrying" ? HOUR : -HOUR)),
        createdAt: new Date(now.getTime() - (demoMessages.length - i) * HOUR),
      })
      .onConflictDoNothing({ target: outboxMessages.key })
      .returning();
    if (row && deliverNow) {
      const outcome = await deliver(db, row as OutboxMessage, config, now);
      if (outcome !== "sent") throw new Error(`demo messages: ${m.kind} to ${m.to} was ${outcome}, not sent`);
    }
  }
}
