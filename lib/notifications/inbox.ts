import { and, count, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { notificationPreferences, notifications, outboxMessages, users } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/access/scope";
import { notFound } from "@/lib/platform/errors";
import { isUuid } from "@/lib/platform/ids";
import { emailIsOptional, notificationKinds, type NotificationKind } from "./kinds";
import { setEmailPreference } from "./worker";

/** The bell's number. */
export async function unreadCount({ userId }: { userId: string }, db: DbOrTx = getDb()): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return r?.n ?? 0;
}

export const NOTIFICATIONS_PAGE_SIZE = 30;

/** A person's notifications, newest first; `before` pages back by creation time. */
export async function listNotifications({ userId, before }: { userId: string; before?: Date }, db: DbOrTx = getDb()) {
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), before ? lt(notifications.createdAt, before) : undefined))
    .orderBy(desc(notifications.createdAt))
    .limit(NOTIFICATIONS_PAGE_SIZE + 1);
  return {
    items: rows.slice(0, NOTIFICATIONS_PAGE_SIZE),
    nextBefore: rows.length > NOTIFICATIONS_PAGE_SIZE ? rows[NOTIFICATIONS_PAGE_SIZE - 1].createdAt : null,
  };
}

/** Mark one of your own notifications read and answer where it leads (someone else's: not_found). */
export async function openNotification({ userId, notificationId }: { userId: string; notificationId: string }, db: DbOrTx = getDb()) {
  if (!isUuid(notificationId)) throw notFound();
  const [n] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, userId)))
    .returning();
  if (!n) throw notFound();
  return n;
}

export async function markAllRead({ userId }: { userId: string }, db: DbOrTx = getDb()) {
  await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}

/** Every kind this person can get, with whether its email is on. */
export async function preferencesOf({ userId, role }: { userId: string; role: Actor["role"] }, db: DbOrTx = getDb()) {
  const saved = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  const off = new Set(saved.filter((p) => !p.email).map((p) => p.kind));
  return (Object.entries(notificationKinds) as [NotificationKind, (typeof notificationKinds)[NotificationKind]][])
    .filter(([, k]) => k.audience === role || k.audience === "any")
    .map(([kind, k]) => ({ kind, label: k.label, optional: k.optional, email: !k.optional || !off.has(kind) }));
}

/** Save the preferences form: every optional kind of the person's role, on or off. */
export async function savePreferences(
  { userId, role, emailOn }: { userId: string; role: Actor["role"]; emailOn: Set<string> },
  db: DbOrTx = getDb(),
) {
  for (const [kind, k] of Object.entries(notificationKinds) as [NotificationKind, (typeof notificationKinds)[NotificationKind]][]) {
    if (k.audience !== role || !emailIsOptional(kind)) continue;
    await setEmailPreference(db, userId, kind, emailOn.has(kind));
  }
}

export const outboxStatuses = ["queued", "sending", "retrying", "sent", "failed", "dropped"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];
export const MAILBOX_PAGE_SIZE = 50;

/** The admin's mailbox and delivery log: every message, newest first, by status. */
export async function listOutbox({ actor, status, before }: { actor: Actor; status?: OutboxStatus; before?: Date }, db: DbOrTx = getDb()) {
  requirePermission(actor, "users.manage");
  const rows = await db
    .select({
      id: outboxMessages.id,
      kind: outboxMessages.kind,
      status: outboxMessages.status,
      subject: outboxMessages.subject,
      recipient: users.name,
      recipientEmail: users.email,
      attempts: outboxMessages.attempts,
      lastError: outboxMessages.lastError,
      sendAfter: outboxMessages.sendAfter,
      sentAt: outboxMessages.sentAt,
      createdAt: outboxMessages.createdAt,
      emailed: outboxMessages.emailed,
    })
    .from(outboxMessages)
    .innerJoin(users, eq(users.id, outboxMessages.recipientId))
    .where(and(status ? eq(outboxMessages.status, status) : undefined, before ? lt(outboxMessages.createdAt, before) : undefined))
    .orderBy(desc(outboxMessages.createdAt))
    .limit(MAILBOX_PAGE_SIZE + 1);
  const counts = await db.select({ status: outboxMessages.status, n: count() }).from(outboxMessages).groupBy(outboxMessages.status);
  return {
    items: rows.slice(0, MAILBOX_PAGE_SIZE),
    nextBefore: rows.length > MAILBOX_PAGE_SIZE ? rows[MAILBOX_PAGE_SIZE - 1].createdAt : null,
    counts: Object.fromEntries(counts.map((c) => [c.status, c.n])) as Partial<Record<OutboxStatus, number>>,
  };
}

/** One message as it was sent (rendered text and HTML), for the admin. */
export async function getOutboxMessage({ actor, messageId }: { actor: Actor; messageId: string }, db: DbOrTx = getDb()) {
  requirePermission(actor, "users.manage");
  if (!isUuid(messageId)) throw notFound();
  const [m] = await db
    .select({ message: outboxMessages, recipient: users.name, recipientEmail: users.email })
    .from(outboxMessages)
    .innerJoin(users, eq(users.id, outboxMessages.recipientId))
    .where(eq(outboxMessages.id, messageId));
  if (!m) throw notFound();
  return m;
}
