import { sql, type SQL } from "drizzle-orm";
import { quizAttempts } from "@/db/schema";

/**
 * Which quiz attempts count, defined once: an attempt counts when it was
 * submitted and an instructor has not reset it. The attempt limit, the
 * progress counters (attempts, best score, passed) and every page that says
 * "attempts left" use this rule, in TypeScript for rows already loaded and as
 * SQL for queries.
 */
export type AttemptState = { status: "in_progress" | "submitted"; resetAt: Date | null };

export const countsAsAttempt = (a: AttemptState): boolean => a.status === "submitted" && a.resetAt === null;

/** The same rule in SQL; needs quiz_attempts in the query. */
export const countedAttemptSql = (): SQL => sql`(${quizAttempts.status} = 'submitted' and ${quizAttempts.resetAt} is null)`;

/**
 * Where a learner stands against the assignment's attempt limit, from their
 * attempts on it. An open attempt can always be continued; a new one may be
 * started while attempts are left (always, without a limit) — the same rule
 * startAttempt enforces.
 */
export function attemptAllowance(maxAttempts: number | null, attempts: readonly AttemptState[]) {
  const counted = attempts.filter(countsAsAttempt).length;
  const left = maxAttempts === null ? null : Math.max(0, maxAttempts - counted);
  const hasOpen = attempts.some((a) => a.status === "in_progress");
  return { counted, left, hasOpen, mayStart: hasOpen || left !== 0 };
}
