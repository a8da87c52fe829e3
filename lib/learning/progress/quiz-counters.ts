import { sql, type SQL } from "drizzle-orm";
import { quizAttempts } from "@/db/schema";
import { countedAttemptSql } from "@/lib/learning/quiz/counted";

/**
 * The quiz counters of a progress row, recomputed from the attempts that
 * count (lib/learning/quiz/counted.ts). Used by quiz submission and by an
 * instructor's reset, so both keep the same rule.
 */
export function quizCounterColumns(progressId: string | SQL): { attemptsCount: SQL; bestScore: SQL; quizPassedAt: SQL } {
  const counted = sql`${quizAttempts.progressId} = ${progressId} and ${countedAttemptSql()}`;
  return {
    attemptsCount: sql`(select count(*)::int from ${quizAttempts} where ${counted})`,
    bestScore: sql`(select max(${quizAttempts.score}) from ${quizAttempts} where ${counted})`,
    quizPassedAt: sql`(select min(${quizAttempts.submittedAt}) from ${quizAttempts} where ${counted} and ${quizAttempts.passed})`,
  };
}
