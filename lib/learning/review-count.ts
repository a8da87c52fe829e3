import { and, count, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { assignmentProgress, enrolments, reflections } from "@/db/schema";
import { cohortScopeSql, type Actor } from "@/lib/access/scope";

/**
 * How many submitted reflections wait for a review, for the count on the
 * header's "Reviews": an instructor's are those of the cohorts they teach
 * (the same rows as listReviewQueue: learners still enrolled), an admin's
 * every cohort's; a learner has none. A number only, never a reflection.
 */
export async function countReviewsWaiting({ actor }: { actor: Actor }, db: DbOrTx = getDb()): Promise<number> {
  if (actor.role === "learner") return 0;
  const [r] = await db
    .select({ n: count() })
    .from(reflections)
    .innerJoin(assignmentProgress, eq(assignmentProgress.id, reflections.progressId))
    .innerJoin(
      enrolments,
      and(eq(enrolments.cohortId, assignmentProgress.cohortId), eq(enrolments.userId, reflections.userId), eq(enrolments.status, "active")),
    )
    .where(and(eq(reflections.status, "submitted"), cohortScopeSql(actor, assignmentProgress.cohortId)));
  return r?.n ?? 0;
}
