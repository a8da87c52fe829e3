import { and, eq, inArray, sql } from "drizzle-orm";
import { execRows, type DbOrTx } from "@/db/client";
import { notificationPreferences, notifications, outboxMessages, type OutboxMessage } from "@/db/schema";
import { compose } from "./compose";
import { emailIsOptional, type NotificationKind } from "./kinds";
import { DEFAULT_TIME_ZONE } from "./outbox";
import type { EmailRenderer } from "./render";
import type { Transport } from "./transport";
import { oneClickUnsubscribeUrl, unsubscribePageUrl, unsubscribeToken } from "./unsubscribe";

/** A claim lasts this long; a worker that dies mid-send leaves the message to another after it. */
export const LEASE_MS = 2 * 60_000;
/** Messages one claim takes. */
export const BATCH = 50;
/** Messages of a batch delivered side by side. */
export const CONCURRENCY = 5;
/** Tries before a message ends as failed. */
export const MAX_ATTEMPTS = 5;

/** Wait before try n+1: 1, 2, 4, 8 … minutes, at most an hour. */
export const backoffMs = (attempts: number) => Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;

export type WorkerConfig = {
  transport: Transport;
  /** absolute origin for links in email, e.g. https://training.example.org */
  origin: string;
  from: string;
  organizationName: string;
  /** signs unsubscribe links */
  secret: string;
  /** the templates (emails/render.tsx), given by the entry point: lib/ knows nothing of React */
  render: EmailRenderer;
};

/**
 * Claim up to `limit` messages that are due, or whose claim's lease ran out.
 * One statement with FOR UPDATE SKIP LOCKED: two workers never claim the
 * same message, and neither waits for the other.
 */
export async function claim(db: DbOrTx, { limit = BATCH, now = new Date() } = {}): Promise<OutboxMessage[]> {
  const rows = await execRows<Record<string, unknown>>(
    db,
    sql`update outbox_messages set status = 'sending', lease_until = ${new Date(now.getTime() + LEASE_MS).toISOString()}::timestamptz,
          attempts = attempts + 1, updated_at = now()
        where id in (
          select id from outbox_messages
          where (status in ('queued', 'retrying') and send_after <= ${now.toISOString()}::timestamptz)
             or (status = 'sending' and lease_until < ${now.toISOString()}::timestamptz)
          order by send_after
          limit ${limit}
          for update skip locked)
        returning id`,
  );
  if (!rows.length) return [];
  const ids = rows.map((r) => String(r.id));
  return db.select().from(outboxMessages).where(inArray(outboxMessages.id, ids));
}

type Recipient = { email: string; name: string; active: boolean; emailOff: boolean; timeZone: string };

/** Who gets it, in one statement: address, name, whether active, this kind's email choice and their zone (else the organization's). */
async function recipientOf(db: DbOrTx, msg: OutboxMessage): Promise<Recipient | null> {
  const [r] = await execRows<{ email: string; name: string; active: boolean; email_off: boolean; tz: string | null }>(
    db,
    sql`select u.email, u.name, u.status = 'active' as active,
          coalesce((select not p.email from notification_preferences p where p.user_id = u.id and p.kind = ${msg.kind}), false) as email_off,
          coalesce(u.time_zone, (select time_zone from org_settings where id = 1)) as tz
        from users u where u.id = ${msg.recipientId}::uuid`,
  );
  return r ? { email: r.email, name: r.name, active: r.active, emailOff: r.email_off, timeZone: r.tz ?? DEFAULT_TIME_ZONE } : null;
}

/** Only the worker holding the claim may finish it: a message reclaimed after its lease is the other worker's now. */
const held = (msg: OutboxMessage) =>
  and(eq(outboxMessages.id, msg.id), eq(outboxMessages.status, "sending"), eq(outboxMessages.attempts, msg.attempts));

export type Outcome = "sent" | "dropped" | "retrying" | "failed";

/** Deliver one claimed message: the in-app notification, then the email (unless turned off), then mark it. */
export async function deliver(db: DbOrTx, msg: OutboxMessage, config: WorkerConfig, now = new Date()): Promise<Outcome> {
  const kind = msg.kind as NotificationKind;
  const recipient = await recipientOf(db, msg);
  const content = recipient?.active ? await compose(db, msg, recipient.timeZone, now) : null;
  if (!recipient || !content) {
    await db.update(outboxMessages).set({ status: "dropped", leaseUntil: null }).where(held(msg));
    return "dropped";
  }
  // an account change also goes to the address it replaced, as an email only (lib/accounts/people.ts)
  const copyTo = kind === "account_changed" && typeof msg.payload.sendTo === "string" ? msg.payload.sendTo : null;
  // the bell first: idempotent on the outbox id, so a retry never shows it twice
  if (!copyTo) {
    await db
      .insert(notifications)
      .values({ userId: msg.recipientId, outboxId: msg.id, kind, title: content.title, body: content.body, link: content.link })
      .onConflictDoNothing({ target: notifications.outboxId });
  }

  const wantsEmail = !(emailIsOptional(kind) && recipient.emailOff);
  const token = emailIsOptional(kind) ? unsubscribeToken(config.secret, msg.recipientId, kind) : null;
  const email = await config.render({
    content,
    kind,
    recipientName: recipient.name,
    origin: config.origin,
    organizationName: config.organizationName,
    // the footer link opens a page with a button (no change on GET)
    unsubscribeUrl: token ? unsubscribePageUrl(config.origin, token) : null,
  });
  const messageId = `<${msg.id}@cohort.${new URL(config.origin).hostname}>`;
  if (wantsEmail) {
    try {
      await config.transport.send({
        to: copyTo ?? recipient.email,
        from: config.from,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId,
        // RFC 8058: mail programs POST "List-Unsubscribe=One-Click" to this URL (app/unsubscribe/[token]/one-click)
        headers: token
          ? {
              "List-Unsubscribe": `<${oneClickUnsubscribeUrl(config.origin, token)}>`,
              "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            }
          : {},
      });
    } catch (e) {
      const failed = msg.attempts >= MAX_ATTEMPTS;
      await db
        .update(outboxMessages)
        .set({
          status: failed ? "failed" : "retrying",
          leaseUntil: null,
          sendAfter: failed ? msg.sendAfter : new Date(now.getTime() + backoffMs(msg.attempts)),
          // the transport's message only: never the body
          lastError: String((e as Error).message ?? e).slice(0, 500),
        })
        .where(held(msg));
      return failed ? "failed" : "retrying";
    }
  }
  await db
    .update(outboxMessages)
    .set({
      status: "sent",
      leaseUntil: null,
      sentAt: now,
      toAddress: copyTo ?? recipient.email,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html,
      messageId,
      emailed: wantsEmail,
      lastError: null,
    })
    .where(held(msg));
  return "sent";
}

/** One pass: claim a batch and deliver it, `concurrency` at a time (each lane takes the next message as soon as it is free). */
export async function runOnce(db: DbOrTx, config: WorkerConfig, { limit = BATCH, concurrency = CONCURRENCY, now = new Date() } = {}) {
  const batch = await claim(db, { limit, now });
  const outcomes: Outcome[] = new Array(batch.length);
  let next = 0;
  const lane = async () => {
    while (next < batch.length) {
      const i = next++;
      outcomes[i] = await deliver(db, batch[i], config, now);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, lane));
  return outcomes;
}

/** Turn one kind's email on or off for a person (in-app always shows). */
export async function setEmailPreference(db: DbOrTx, userId: string, kind: NotificationKind, email: boolean) {
  if (!email && !emailIsOptional(kind)) return;
  await db
    .insert(notificationPreferences)
    .values({ userId, kind, email })
    .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { email } });
}
