import { and, gt, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { throttles } from "@/db/schema";

/**
 * Failure throttling stored in Postgres, so it holds across app instances.
 *
 * Three counters per failed sign-in: the account from this IP (strict), the
 * account from anywhere (lenient, short blocks: a stranger can slow a victim
 * down but not lock them out for long), and the IP (broad guessing).
 */
type Rule = { limit: number; windowMinutes: number; baseBlockSeconds: number; maxBlockSeconds: number };

export const rules = {
  accountIp: { limit: 5, windowMinutes: 15, baseBlockSeconds: 30, maxBlockSeconds: 15 * 60 },
  account: { limit: 10, windowMinutes: 15, baseBlockSeconds: 30, maxBlockSeconds: 5 * 60 },
  ip: { limit: 50, windowMinutes: 15, baseBlockSeconds: 60, maxBlockSeconds: 30 * 60 },
  verifyIp: { limit: 30, windowMinutes: 10, baseBlockSeconds: 60, maxBlockSeconds: 30 * 60 },
  /** wrong current password on /account: a stolen session cannot guess the password */
  passwordChange: { limit: 5, windowMinutes: 15, baseBlockSeconds: 60, maxBlockSeconds: 30 * 60 },
} satisfies Record<string, Rule>;

export type RuleName = keyof typeof rules;

export function keyFor(rule: RuleName, subject: string) {
  return `${rule}:${subject}`;
}

/** The latest time any of these keys is blocked until, or null. */
export async function blockedUntil(keys: string[]): Promise<Date | null> {
  const rows = await getDb()
    .select({ blockedUntil: throttles.blockedUntil })
    .from(throttles)
    .where(and(inArray(throttles.key, keys), gt(throttles.blockedUntil, sql`now()`)));
  const times = rows.map((r) => r.blockedUntil!.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

/** Count one failure; block with a doubling delay once the rule's limit is reached. */
export async function recordFailure(rule: RuleName, subject: string) {
  const r = rules[rule];
  const key = keyFor(rule, subject);
  const window = sql.raw(`interval '${r.windowMinutes} minutes'`);
  await getDb().execute(sql`
    insert into throttles (key, failures, window_started_at) values (${key}, 1, now())
    on conflict (key) do update set
      failures = case when throttles.window_started_at < now() - ${window} then 1 else throttles.failures + 1 end,
      window_started_at = case when throttles.window_started_at < now() - ${window} then now() else throttles.window_started_at end`);
  await getDb().execute(sql`
    update throttles set blocked_until = now() + make_interval(secs => least(
        ${r.maxBlockSeconds}::int,
        ${r.baseBlockSeconds}::int * power(2, least(greatest(failures - ${r.limit}, 0), 16))::int))
    where key = ${key} and failures >= ${r.limit}`);
}

export async function clearFailures(keys: string[]) {
  await getDb().delete(throttles).where(inArray(throttles.key, keys));
}
