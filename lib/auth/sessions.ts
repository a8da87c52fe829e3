import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { authSessions, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import { env } from "@/lib/env";

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  role: "admin" | "instructor" | "learner";
  sessionId: string;
};

/**
 * Resolve a JWT's claims against the database: the session must be open,
 * not idle too long, and the user active with the same session version.
 * One indexed query per request; lastSeenAt is written at most once a minute.
 */
export async function resolveSession(claims: { uid?: string; sid?: string; sv?: number }): Promise<CurrentUser | null> {
  if (!claims.uid || !claims.sid || claims.sv === undefined) return null;
  const uuid = /^[0-9a-f-]{36}$/i;
  if (!uuid.test(claims.uid) || !uuid.test(claims.sid)) return null;
  const idle = env().SESSION_IDLE_MINUTES;
  const [row] = await getDb()
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
        eq(authSessions.id, claims.sid),
        eq(authSessions.userId, claims.uid),
        isNull(authSessions.revokedAt),
        sql`${authSessions.expiresAt} > now()`,
        sql`${authSessions.lastSeenAt} > now() - make_interval(mins => ${idle})`,
      ),
    )
    .limit(1);
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

/** End every session of a user (sign out everywhere, deactivation, role change). */
export async function endAllSessions(db: Parameters<typeof audit>[0], userId: string) {
  await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId));
  await db
    .update(authSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt)));
}
