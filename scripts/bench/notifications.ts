/**
 * The reminder sweep and notification sending, for `npm run bench`.
 *
 * Sweep: lib/notifications/sweep.ts (what the worker runs every 15 minutes)
 * at the scale seed's own clock, so a database kept between runs has the same
 * work each time: learners due in 3 days, overdue, whose assignment opens
 * today, and reflections waiting for review. Between rounds the rows it wrote
 * are deleted, so every measured first sweep really enqueues.
 *
 * Sending: the worker's own loop (lib/notifications/runner.ts `drain`:
 * claim 50, deliver 5 at a time, compose from the state at send time, the
 * in-app notification, render, send) through its pooled nodemailer SMTP
 * transport to an SMTP sink in a process of its own (./smtp-sink.mjs). The
 * reference is the same transport sending the same number of pre-rendered
 * messages straight to that sink: what the connection itself can carry.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { execRows, type Db } from "@/db/client";
import { ADMIN_AGE_DAYS, SCALE_EMAIL_DOMAIN } from "@/db/seed/scale/plan";
import { drain } from "@/lib/notifications/runner";
import { renderEmail } from "@/emails/render";
import { sweepReminders, type SweepResult } from "@/lib/notifications/sweep";
import { smtpTransport, type OutgoingEmail, type Transport } from "@/lib/notifications/transport";
import type { WorkerConfig } from "@/lib/notifications/worker";
import { mapLimit } from "./http";

/** The kinds the sweep writes (and the reset deletes). */
export const SWEEP_KINDS = ["due_soon", "overdue", "opens_today", "review_waiting", "weekly_digest", "org_summary"] as const;

/** The instant the scale seed took as "now" (its admin was made ADMIN_AGE_DAYS before it). */
export async function seedClock(db: Db): Promise<Date> {
  const [row] = await execRows<{ at: Date }>(
    db,
    sql`select created_at + make_interval(days => ${ADMIN_AGE_DAYS}) as at from users where email = ${`admin@${SCALE_EMAIL_DOMAIN}`}`,
  );
  if (!row) throw new Error("the scale admin is missing; use --fresh to reseed");
  return new Date(row.at);
}

/** Delete what sweeps wrote (and their in-app notifications), and tidy the table, so the next sweep enqueues again. */
export async function resetSweep(db: Db, client: { unsafe: (q: string) => Promise<unknown> }) {
  const kinds = sql.join(
    SWEEP_KINDS.map((k) => sql`${k}`),
    sql`, `,
  );
  await db.execute(sql`delete from notifications where outbox_id in (select id from outbox_messages where kind in (${kinds}))`);
  await db.execute(sql`delete from outbox_messages where kind in (${kinds})`);
  await client.unsafe("vacuum (analyze) outbox_messages");
}

export const total = (r: SweepResult) => Object.values(r).reduce((t, n) => t + n, 0);

export async function timedSweep(db: Db, at: Date): Promise<{ ms: number; result: SweepResult }> {
  const t = performance.now();
  const result = await sweepReminders(db, at);
  return { ms: performance.now() - t, result };
}

// ---------------------------------------------------------------- sending

export type Sink = { url: string; count(): Promise<number>; stop(): void };

export async function startSmtpSink(): Promise<Sink> {
  const child: ChildProcess = fork(path.join(__dirname, "smtp-sink.mjs"), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m) => resolve((m as { port: number }).port));
    child.once("exit", (code) => reject(new Error(`the SMTP sink exited (${code})`)));
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    count: () =>
      new Promise<number>((resolve) => {
        child.once("message", (m) => resolve((m as { count: number }).count));
        child.send("count");
      }),
    stop: () => child.disconnect(),
  };
}

const BENCH_KEY = "bench_send:";

/**
 * Queue `n` messages for the worker, due now: "assigned" notices to learners
 * with live, incomplete work (so none is dropped at send time), keyed
 * `bench_send:<round>:<i>`. Other due messages are set aside (dropped) so the
 * worker sends only these.
 */
export async function queueForSending(db: Db, n: number, round: number) {
  await db.execute(
    sql`update outbox_messages set status = 'dropped' where status in ('queued', 'retrying') and key not like ${BENCH_KEY + "%"}`,
  );
  const rows = await execRows<{ n: number }>(
    db,
    sql`with live as (
          select p.id, p.user_id, row_number() over (order by p.id) - 1 as k, count(*) over () as total
          from assignment_progress p
          join cohorts c on c.id = p.cohort_id and c.status = 'active'
          join users u on u.id = p.user_id and u.status = 'active'
          join enrolments e on e.cohort_id = p.cohort_id and e.user_id = p.user_id and e.status = 'active'
          where p.completed_at is null)
        insert into outbox_messages (key, recipient_id, kind, subject_id, send_after)
        select ${`${BENCH_KEY}${round}:`} || g, live.user_id, 'assigned', live.id, now() - interval '1 minute'
        from generate_series(0, ${n - 1}) g join live on live.k = g % live.total
        returning 1 as n`,
  );
  return rows.length;
}

export async function resetSending(db: Db) {
  await db.execute(sql`delete from notifications where outbox_id in (select id from outbox_messages where key like ${BENCH_KEY + "%"})`);
  await db.execute(sql`delete from outbox_messages where key like ${BENCH_KEY + "%"}`);
}

export async function workerConfigFor(sinkUrl: string, organizationName: string, secret: string): Promise<WorkerConfig> {
  return {
    transport: await smtpTransport(sinkUrl),
    render: renderEmail,
    origin: "http://127.0.0.1:3215",
    from: "Cohort <no-reply@bench.cohort>",
    organizationName,
    secret,
  };
}

/** The worker sends every due message; answers how many it delivered (sent), and the outcomes. */
export async function workerSends(db: Db, config: WorkerConfig): Promise<{ ms: number; sent: number; outcomes: Record<string, number> }> {
  const t = performance.now();
  const out: Record<string, number> = {};
  for (;;) {
    const batch = await drain(db, config);
    for (const o of batch) out[o] = (out[o] ?? 0) + 1;
    if (!batch.length) break;
  }
  return { ms: performance.now() - t, sent: out.sent ?? 0, outcomes: out };
}

/** `n` pre-rendered messages, as the worker would send them (the reference's input). */
export async function preRendered(n: number, organizationName: string, from = 0): Promise<OutgoingEmail[]> {
  const email = await renderEmail({
    content: {
      title: "New assignment: Peer Support Foundations",
      body: "You have a new assignment in Statewide CRSS Intake: Peer Support Foundations. It opens Dec 1, 2026 and is due Dec 29, 2026.",
      link: "/learn/00000000-0000-0000-0000-000000000000",
    },
    kind: "assigned",
    recipientName: "Jordan Avery",
    origin: "http://127.0.0.1:3215",
    organizationName,
    unsubscribeUrl: "http://127.0.0.1:3215/unsubscribe/x",
  });
  return Array.from({ length: n }, (_, k) => ({
    to: `learner.${from + k}@${SCALE_EMAIL_DOMAIN}`,
    from: "Cohort <no-reply@bench.cohort>",
    subject: email.subject,
    text: email.text,
    html: email.html,
    messageId: `<direct-${from + k}@bench.cohort>`,
    headers: { "List-Unsubscribe": "<http://127.0.0.1:3215/unsubscribe/x>" },
  }));
}

/** The reference: the worker's pooled transport (a second one, same settings) sends pre-rendered messages straight to the sink. */
export async function directSends(transport: Transport, messages: OutgoingEmail[]): Promise<{ ms: number }> {
  const t = performance.now();
  // as many in hand as one worker batch, so the pool always has the next message ready
  await mapLimit(messages, 50, (m) => transport.send(m));
  return { ms: performance.now() - t };
}
