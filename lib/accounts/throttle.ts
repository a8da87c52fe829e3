import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { throttles } from "@/db/schema";

/**
 * Attempt throttling stored in PostgreSQL, so it holds across app instances.
 *
 * An attempt is counted *before* the expensive or revealing work (a password
 * hash, a token or code lookup) in one atomic statement that also says
 * whether the caller is over the limit, so parallel requests cannot all slip
 * through between a check and a record. What turns out to be legitimate is
 * given back afterwards (`refund`, `clear`).
 *
 * Sign-in uses three rules: the account from this IP (strict), the IP (broad
 * guessing), and the account from anywhere — a slow-down that a browser which
 * signed in to the account before skips, so strangers cannot lock the owner
 * out (lib/accounts/sign-in.ts).
 */
type Rule = {
  limit: number;
  windowMinutes: number;
  baseBlockSeconds: number;
  maxBlockSeconds: number;
  /** attempts while blocked count and push the block further (default); false: a blocked key stays as it is */
  extendWhileBlocked?: boolean;
};

export const rules = {
  accountIp: { limit: 5, windowMinutes: 15, baseBlockSeconds: 30, maxBlockSeconds: 15 * 60 },
  account: { limit: 10, windowMinutes: 15, baseBlockSeconds: 30, maxBlockSeconds: 5 * 60, extendWhileBlocked: false },
  ip: { limit: 50, windowMinutes: 15, baseBlockSeconds: 60, maxBlockSeconds: 30 * 60 },
  verifyIp: { limit: 30, windowMinutes: 10, baseBlockSeconds: 60, maxBlockSeconds: 30 * 60 },
  /** wrong current password on /account: a stolen session cannot guess the password */
  passwordChange: { limit: 5, windowMinutes: 15, baseBlockSeconds: 60, maxBlockSeconds: 30 * 60 },
  /** set-password links that do not work (unknown, used, expired), per IP */
  linkIp: { limit: 20, windowMinutes: 15, baseBlockSeconds: 60, maxBlockSeconds: 30 * 60 },
  /** invite links that do not work, and sign-ups with an email that has an account, per IP */
  inviteIp: { limit: 20, windowMinutes: 15, baseBlockSeconds: 60, maxBlockSeconds: 30 * 60 },
} satisfies Record<string, Rule>;

export type RuleName = keyof typeof rules;

export function keyFor(rule: RuleName, subject: string) {
  return `${rule}:${subject}`;
}

export type Attempt = { key: string; count: number; blockedUntil: Date | null };

/**
 * Count one attempt against a rule and report whether it may go ahead — in
 * one statement. Over the limit, the key is blocked for a delay that doubles
 * with every further attempt (up to the rule's maximum).
 */
export async function takeAttempt(rule: RuleName, subject: string, db: DbOrTx = getDb()): Promise<Attempt> {
  const r: Rule = rules[rule];
  const key = keyFor(rule, subject);
  const t = throttles;
  const windowOver = sql`${t.windowStartedAt} < now() - make_interval(mins => ${r.windowMinutes}::int)`;
  const frozen = r.extendWhileBlocked === false ? sql`coalesce(${t.blockedUntil} > now(), false)` : sql`false`;
  const count = sql`(case when ${frozen} then ${t.failures} when ${windowOver} then 1 else ${t.failures} + 1 end)`;
  const [row] = await db
    .insert(t)
    .values({ key, failures: 1 })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures: count,
        windowStartedAt: sql`case when not ${frozen} and ${windowOver} then now() else ${t.windowStartedAt} end`,
        blockedUntil: sql`case
          when ${frozen} then ${t.blockedUntil}
          when ${count} > ${r.limit}::int then greatest(coalesce(${t.blockedUntil}, now()), now() + make_interval(secs => least(
            ${r.maxBlockSeconds}::int,
            ${r.baseBlockSeconds}::int * power(2, least(${count} - ${r.limit}::int - 1, 16))::int)))
          else ${t.blockedUntil} end`,
      },
    })
    .returning({ failures: t.failures, blockedUntil: t.blockedUntil, blocked: sql<boolean>`coalesce(${t.blockedUntil} > now(), false)` });
  return { key, count: row.failures, blockedUntil: row.blocked ? row.blockedUntil : null };
}

/**
 * The attempt turned out legitimate (a code that exists, a valid link): it no
 * longer counts. A key left at nothing, and not blocked, is removed, so a
 * legitimate request leaves no trace (a GET of /verify changes nothing).
 */
export async function refund(attempt: Attempt, db: DbOrTx = getDb()) {
  await db
    .update(throttles)
    .set({ failures: sql`greatest(${throttles.failures} - 1, 0)` })
    .where(eq(throttles.key, attempt.key));
  await db
    .delete(throttles)
    .where(and(eq(throttles.key, attempt.key), sql`${throttles.failures} <= 0`, sql`coalesce(${throttles.blockedUntil} <= now(), true)`));
}

/** The latest time any of these keys is blocked until, or null. Reads only (for pages rendered on GET). */
export async function blockedUntil(keys: string[], db: DbOrTx = getDb()): Promise<Date | null> {
  const rows = await db
    .select({ blockedUntil: throttles.blockedUntil })
    .from(throttles)
    .where(and(inArray(throttles.key, keys), gt(throttles.blockedUntil, sql`now()`)));
  const times = rows.map((r) => r.blockedUntil!.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

export async function clearFailures(keys: string[], db: DbOrTx = getDb()) {
  await db.delete(throttles).where(inArray(throttles.key, keys));
}

/** Seconds until the latest of these attempts' blocks ends (at least 1). */
export function retryAfterSeconds(attempts: Attempt[]): number {
  const latest = Math.max(...attempts.map((a) => a.blockedUntil?.getTime() ?? 0));
  return Math.max(1, Math.ceil((latest - Date.now()) / 1000));
}
