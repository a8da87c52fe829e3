import { sql } from "drizzle-orm";
import { execRows, getDb, type DbOrTx } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import type { NotificationKind } from "./kinds";
import { eventSendTime } from "./schedule";

export const DEFAULT_TIME_ZONE = "America/Chicago";

/** The recipient's zone: their own, else the organization's. */
export async function timeZoneOf(db: DbOrTx, userId: string): Promise<string> {
  const [row] = await execRows<{ tz: string | null }>(
    db,
    sql`select coalesce(u.time_zone, (select time_zone from org_settings where id = 1)) as tz from users u where u.id = ${userId}::uuid`,
  );
  return row?.tz ?? DEFAULT_TIME_ZONE;
}

/** The person's time zone, for pages that show dates on their calendar. */
export const userTimeZone = ({ userId }: { userId: string }) => timeZoneOf(getDb(), userId);

/** The unique key of a message: one per recipient, kind, subject and period. */
export const messageKey = (m: { recipientId: string; kind: NotificationKind; subjectId?: string | null; period?: string }) =>
  [m.kind, m.recipientId, m.subjectId ?? "-", m.period ?? "once"].join(":");

export type NewMessage = {
  recipientId: string;
  kind: NotificationKind;
  /** what it is about: a progress row, a reflection, a certificate, a cohort */
  subjectId?: string | null;
  /** distinguishes repeats of the same kind and subject ("2026-W49", "overdue-2"); default "once" */
  period?: string;
  payload?: Record<string, unknown>;
  /** default: now, or 9 a.m. if it is night for the recipient */
  sendAfter?: Date;
};

/**
 * Put a message in the outbox. Call it with the transaction of the event
 * that causes it, so the message exists exactly when the event does. A
 * message with the same key is kept as it was: answers null then.
 */
export async function enqueue(db: DbOrTx, m: NewMessage, now = new Date()): Promise<string | null> {
  const sendAfter = m.sendAfter ?? eventSendTime(now, await timeZoneOf(db, m.recipientId));
  const [row] = await db
    .insert(outboxMessages)
    .values({
      key: messageKey(m),
      recipientId: m.recipientId,
      kind: m.kind,
      subjectId: m.subjectId ?? null,
      payload: m.payload ?? {},
      sendAfter,
    })
    .onConflictDoNothing({ target: outboxMessages.key })
    .returning({ id: outboxMessages.id });
  return row?.id ?? null;
}
