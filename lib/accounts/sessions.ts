import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Db, type DbOrTx } from "@/db/client";
import { authSessions, users } from "@/db/schema";
import { audit } from "@/lib/audit/record";
import { can, type Role } from "@/lib/access/permissions";
import { env } from "@/lib/platform/env";
import { notFound } from "@/lib/platform/errors";
import { isUuid } from "@/lib/platform/ids";

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
};

function buildSessionQuery(db: Db) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      status: users.status,
      sessionVersion: users.sessionVersion,
      lastSeenAt: authSessions.lastSeenAt,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(
      and(
        eq(authSessions.id, sql.placeholder("sid")),
        eq(authSessions.userId, sql.placeholder("uid")),
        isNull(authSessions.revokedAt),
        sql`${authSessions.expiresAt} > now()`,
        sql`${authSessions.lastSeenAt} > now() - make_interval(mins => ${sql.placeholder("idle")}::int)`,
      ),
    )
    .limit(1)
    .prepare("resolve_session");
}

// built once per database handle: every signed-in request runs it
const sessionQueries = new WeakMap<object, ReturnType<typeof buildSessionQuery>>();

/**
 * Resolve a JWT's claims against the database: the session must be open,
 * not idle too long, and the user active with the same session version.
 * One indexed query per request; lastSeenAt is written at most once a minute.
 */
export async function resolveSession(claims: { uid?: string; sid?: string; sv?: number }): Promise<CurrentUser | null> {
  if (!claims.uid || !claims.sid || claims.sv === undefined) return null;
  const uuid = /^[0-9a-f-]{36}$/i;
  if (!uuid.test(claims.uid) || !uuid.test(claims.sid)) return null;
  let query = sessionQueries.get(getDb());
  if (!query) sessionQueries.set(getDb(), (query = buildSessionQuery(getDb())));
  const [row] = await query.execute({ sid: claims.sid, uid: claims.uid, idle: env().SESSION_IDLE_MINUTES });
  if (!row || row.status !== "active" || row.sessionVersion !== claims.sv) return null;
  if (Date.now() - row.lastSeenAt.getTime() > 60_000) {
    await getDb().update(authSessions).set({ lastSeenAt: new Date() }).where(eq(authSessions.id, claims.sid));
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role, sessionId: claims.sid };
}

export async function endSession(sessionId: string, why: string) {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return;
  const db = getDb();
  const [s] = await db
    .update(authSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)))
    .returning({ userId: authSessions.userId });
  if (s) await audit(db, { action: "auth.sign_out", actorId: s.userId, details: { why } });
}

/** End every session of a user (sign out everywhere, deactivation, role change); answers how many were open. */
export async function endAllSessions(db: DbOrTx, userId: string): Promise<number> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
  const ended = await db
    .update(authSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt)))
    .returning({ id: authSessions.id });
  return ended.length;
}

/**
 * "Sign out everywhere": every browser of the user is signed out at its next
 * request. The user may do it for themself (/account), an admin for anyone.
 * Recorded in the audit log in the same transaction.
 */
export async function signOutEverywhere({
  actor,
  userId,
  ip,
}: {
  actor: Pick<CurrentUser, "id" | "email" | "role">;
  userId: string;
  ip?: string | null;
}): Promise<{ sessionsEnded: number }> {
  if (actor.id !== userId && !can(actor.role, "users.manage")) throw notFound("Only admins end other people's sessions.");
  if (!isUuid(userId)) throw notFound("No such account.");
  return getDb().transaction(async (tx) => {
    const [target] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    if (!target) throw notFound("No such account.");
    const sessionsEnded = await endAllSessions(tx, userId);
    await audit(tx, {
      action: "auth.sign_out_everywhere",
      actorId: actor.id,
      actorEmail: actor.email,
      targetType: "user",
      targetId: userId,
      ip,
      details: { by: actor.id === userId ? "self" : "admin", sessionsEnded },
    });
    return { sessionsEnded };
  });
}

/** End the user's sessions other than this one (after a password change). */
export async function endOtherSessions(db: DbOrTx, userId: string, keepSessionId: string): Promise<number> {
  const ended = await db
    .update(authSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt), ne(authSessions.id, keepSessionId)))
    .returning({ id: authSessions.id });
  return ended.length;
}
