import { createHash, randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { signInDevices } from "@/db/schema";

/**
 * "This browser signed in to this account before": a random token in a
 * long-lived HttpOnly cookie, stored hashed per account. It proves nothing on
 * its own (a password is still needed); it only lets the owner past the
 * per-account slow-down that strangers' guesses trigger.
 */
export const DEVICE_COOKIE_DAYS = 400;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newDeviceToken(): string {
  return randomBytes(32).toString("base64url");
}

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export async function isKnownDevice(userId: string, token: string | null | undefined, db: DbOrTx = getDb()): Promise<boolean> {
  if (!token || !TOKEN.test(token)) return false;
  const [row] = await db
    .select({ userId: signInDevices.userId })
    .from(signInDevices)
    .where(and(eq(signInDevices.tokenHash, hash(token)), eq(signInDevices.userId, userId)))
    .limit(1);
  return Boolean(row);
}

/** After a successful sign-in: remember this browser for the account; returns the token for the cookie. */
export async function rememberDevice(userId: string, token: string | null | undefined, db: DbOrTx = getDb()): Promise<string> {
  const use = token && TOKEN.test(token) ? token : newDeviceToken();
  await db
    .insert(signInDevices)
    .values({ tokenHash: hash(use), userId })
    .onConflictDoUpdate({ target: [signInDevices.tokenHash, signInDevices.userId], set: { lastUsedAt: sql`now()` } });
  return use;
}

export async function forgetDevices(userId: string, db: DbOrTx = getDb()) {
  await db.delete(signInDevices).where(eq(signInDevices.userId, userId));
}
