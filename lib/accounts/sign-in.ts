import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { authSessions, users } from "@/db/schema";
import type { Role } from "@/lib/access/permissions";
import { audit } from "@/lib/audit/record";
import { env } from "@/lib/platform/env";
import { dummyHash, verifyPassword } from "./password";
import { isKnownDevice, rememberDevice } from "./sign-in-devices";
import { clearFailures, keyFor, refund, takeAttempt, type Attempt } from "./throttle";

export const SIGN_IN_FAILED = "That email and password do not match an active account.";
export const SIGN_IN_THROTTLED = "Too many attempts. Wait a few minutes and try again.";

export type SignInResult =
  | {
      ok: true;
      user: { id: string; email: string; name: string; role: Role; sessionVersion: number };
      sessionId: string;
      /** for the device cookie: this browser is now known to the account */
      deviceToken: string;
    }
  | { ok: false; reason: "invalid" | "throttled"; message: string };

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

/**
 * Check a password and open a server-side session. Unknown email, wrong
 * password and deactivated account take the same path and the same time.
 *
 * Every attempt is counted before the password hash is verified (one atomic
 * statement per rule), so parallel guesses count too. The per-account rule is
 * skipped for a browser that signed in to this account before (`deviceToken`):
 * guesses from elsewhere slow strangers down without locking the owner out.
 */
export async function authenticate(input: {
  email: string;
  password: string;
  ip: string;
  userAgent?: string | null;
  deviceToken?: string | null;
}): Promise<SignInResult> {
  const db = getDb();
  const email = normaliseEmail(input.email);

  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);
  const known = user ? await isKnownDevice(user.id, input.deviceToken) : false;
  const attempts: Attempt[] = [await takeAttempt("ip", input.ip), await takeAttempt("accountIp", `${email}|${input.ip}`)];
  if (!known) attempts.push(await takeAttempt("account", email));

  if (attempts.some((a) => a.blockedUntil)) {
    await audit(db, { action: "auth.sign_in_throttled", actorEmail: email, ip: input.ip });
    return { ok: false, reason: "throttled", message: SIGN_IN_THROTTLED };
  }

  const hashToCheck = user?.passwordHash ?? (await dummyHash());
  const matches = await verifyPassword(hashToCheck, input.password);

  if (!user || !user.passwordHash || !matches || user.status !== "active") {
    await audit(db, {
      action: "auth.sign_in_failed",
      actorId: user?.id ?? null,
      actorEmail: email,
      ip: input.ip,
      details: { reason: !user ? "unknown_email" : user.status !== "active" ? "deactivated" : "wrong_password" },
    });
    return { ok: false, reason: "invalid", message: SIGN_IN_FAILED };
  }

  // the right password: this browser's own mistakes are forgiven; the IP and the
  // account keep the failures others ran up (only this attempt is given back)
  await clearFailures([keyFor("accountIp", `${email}|${input.ip}`)]);
  for (const a of [attempts[0], ...attempts.slice(2)]) await refund(a);
  const expiresAt = new Date(Date.now() + env().SESSION_MAX_HOURS * 3600_000);
  const { sessionId, deviceToken } = await db.transaction(async (tx) => {
    const [session] = await tx
      .insert(authSessions)
      .values({ userId: user.id, expiresAt, ip: input.ip, userAgent: input.userAgent?.slice(0, 300) ?? null })
      .returning({ id: authSessions.id });
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    await audit(tx, {
      action: "auth.sign_in",
      actorId: user.id,
      actorEmail: user.email,
      ip: input.ip,
      details: known ? { knownDevice: true } : {},
    });
    return { sessionId: session.id, deviceToken: await rememberDevice(user.id, input.deviceToken, tx) };
  });
  return {
    ok: true,
    sessionId,
    deviceToken,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  };
}
