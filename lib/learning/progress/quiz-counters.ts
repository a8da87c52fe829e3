import { sql, type SQL } from "drizzle-orm";
import { quizAttempts } from "@/db/schema";

/**
 * The quiz counters of a progress row, recomputed from its attempts: only
 * submitted attempts that were not reset count. Used by quiz submission and
 * by an instructor's reset, so both keep the same rule.
 */
export function quizCounterColumns(progressId: string | SQL): { attemptsCount: SQL; bestScore: SQL; quizPassedAt: SQL } {
  const counted = sql`${quizAttempts.progressId} = ${progressId} and ${quizAttempts.status} = 'submitted' and ${quizAttempts.resetAt} is null`;
  return {
    attemptsCount: sql`(select count(*)::int from ${quizAttempts} where ${counted})`,
    bestScore: sql`(select max(${quizAttempts.score}) from ${quizAttempts} where ${counted})`,
    quizPassedAt: sql`(select min(${quizAttempts.submittedAt}) from ${quizAttempts} where ${counted} and ${quizAttempts.passed})`,
  };
}
