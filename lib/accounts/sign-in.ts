import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { authSessions, users } from "@/db/schema";
import type { Role } from "@/lib/access/permissions";
import { audit } from "@/lib/audit/record";
import { env } from "@/lib/platform/env";
import { dummyHash, verifyPassword } from "./password";
import { blockedUntil, clearFailures, keyFor, recordFailure } from "./throttle";

export const SIGN_IN_FAILED = "That email and password do not match an active account.";
export const SIGN_IN_THROTTLED = "Too many attempts. Wait a few minutes and try again.";

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role; sessionVersion: number }; sessionId: string }
  | { ok: false; reason: "invalid" | "throttled"; message: string };

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

/**
 * Check a password and open a server-side session. Unknown email, wrong
 * password and deactivated account take the same path and the same time.
 */
export async function authenticate(input: {
  email: string;
  password: string;
  ip: string;
  userAgent?: string | null;
}): Promise<SignInResult> {
  const db = getDb();
  const email = normaliseEmail(input.email);
  const keys = [keyFor("accountIp", `${email}|${input.ip}`), keyFor("account", email), keyFor("ip", input.ip)];

  if (await blockedUntil(keys)) {
    await verifyPassword(await dummyHash(), input.password);
    await audit(db, { action: "auth.sign_in_throttled", actorEmail: email, ip: input.ip });
    return { ok: false, reason: "throttled", message: SIGN_IN_THROTTLED };
  }

  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  const hashToCheck = user?.passwordHash ?? (await dummyHash());
  const matches = await verifyPassword(hashToCheck, input.password);

  if (!user || !user.passwordHash || !matches || user.status !== "active") {
    await recordFailure("accountIp", `${email}|${input.ip}`);
    await recordFailure("account", email);
    await recordFailure("ip", input.ip);
    await audit(db, {
      action: "auth.sign_in_failed",
      actorId: user?.id ?? null,
      actorEmail: email,
      ip: input.ip,
      details: { reason: !user ? "unknown_email" : user.status !== "active" ? "deactivated" : "wrong_password" },
    });
    return { ok: false, reason: "invalid", message: SIGN_IN_FAILED };
  }

  await clearFailures(keys.slice(0, 2));
  const expiresAt = new Date(Date.now() + env().SESSION_MAX_HOURS * 3600_000);
  const sessionId = await db.transaction(async (tx) => {
    const [session] = await tx
      .insert(authSessions)
      .values({ userId: user.id, expiresAt, ip: input.ip, userAgent: input.userAgent?.slice(0, 300) ?? null })
      .returning({ id: authSessions.id });
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    await audit(tx, { action: "auth.sign_in", actorId: user.id, actorEmail: user.email, ip: input.ip });
    return session.id;
  });
  return {
    ok: true,
    sessionId,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  };
}
