import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { calendarFeeds, users } from "@/db/schema";
import { requirePermission } from "@/lib/access/scope";
import { hashToken, newToken } from "@/lib/accounts/set-password-links";
import type { CurrentUser } from "@/lib/accounts/sessions";
import { audit } from "@/lib/audit/record";
import { notFound } from "@/lib/platform/errors";
import { buildCalendar, instructorDueEvents, learnerDueEvents } from "./calendar";
import { timeZoneOf } from "./outbox";

/**
 * A private iCalendar feed per person, for calendar apps that subscribe by
 * URL and carry no session. The rules (README, "Calendar feeds"):
 *
 * - issued by the signed-in learner or instructor, for themselves only;
 * - grants reading their own due dates: a learner's assignments, an
 *   instructor's cohorts' assignments with a count of learners — never
 *   reflection text, never another learner's name;
 * - ends on regenerate (the old URL dies at once), revoke, deactivation,
 *   erasure and a change of role: every request checks the owner is active
 *   and still has the role the feed was issued for.
 *
 * The token is 256 random bits, shown once; only its SHA-256 is stored.
 */
type Owner = Pick<CurrentUser, "id" | "role" | "email">;

export const feedPath = (token: string) => `/calendar/${token}.ics`;

/** Whether the person has a feed (never the token: it was shown once). */
export async function calendarFeedOf({ userId }: { userId: string }) {
  const [f] = await getDb()
    .select({ createdAt: calendarFeeds.createdAt, role: calendarFeeds.role })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId));
  return f ?? null;
}

/** A new feed URL for the actor, replacing any earlier one. */
export async function issueCalendarFeed({ actor, ip }: { actor: Owner; ip?: string | null }) {
  requirePermission(actor, "calendar.feed");
  const { token, tokenHash } = newToken();
  return getDb().transaction(async (tx) => {
    const replaced = await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, actor.id)).returning({ userId: calendarFeeds.userId });
    await tx.insert(calendarFeeds).values({ userId: actor.id, tokenHash, role: actor.role });
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: replaced.length ? "calendar_feed.regenerate" : "calendar_feed.create",
      targetType: "user",
      targetId: actor.id,
      ip,
    });
    return { token, path: feedPath(token) };
  });
}

/** Stop the actor's feed URL working. */
export async function revokeCalendarFeed({ actor, ip }: { actor: Owner; ip?: string | null }) {
  requirePermission(actor, "calendar.feed");
  return getDb().transaction(async (tx) => {
    const gone = await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, actor.id)).returning({ userId: calendarFeeds.userId });
    if (gone.length)
      await audit(tx, {
        actorId: actor.id,
        actorEmail: actor.email,
        action: "calendar_feed.revoke",
        targetType: "user",
        targetId: actor.id,
        ip,
      });
    return { revoked: gone.length > 0 };
  });
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The feed behind a token, as iCalendar text. Unknown, revoked or replaced
 * tokens, a deactivated (or erased) owner and an owner whose role changed
 * since it was issued all answer not_found, the same way.
 */
export async function calendarFeedText({ token, origin, now = new Date() }: { token: string; origin: string; now?: Date }) {
  if (!TOKEN.test(token)) throw notFound();
  const db = getDb();
  const [row] = await db
    .select({ userId: users.id, role: users.role, status: users.status, issuedFor: calendarFeeds.role })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.tokenHash, hashToken(token)));
  if (!row || row.status !== "active" || row.role !== row.issuedFor) throw notFound();
  const timeZone = await timeZoneOf(db, row.userId);
  const events =
    row.role === "learner"
      ? await learnerDueEvents(db, row.userId, origin, timeZone)
      : row.role === "instructor"
        ? await instructorDueEvents(db, row.userId, origin, timeZone)
        : [];
  return buildCalendar({ name: "Cohort due dates", events, timeZone, now });
}
