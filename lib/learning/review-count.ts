import { and, count, eq, sql } from "drizzle-orm";
import { execRows, getDb, type DbOrTx } from "@/db/client";
import { assignmentProgress, enrolments, reflections } from "@/db/schema";
import { can } from "@/lib/access/permissions";
import type { Actor } from "@/lib/access/scope";

/**
 * How many submitted reflections wait for a review, for the count on the
 * header's "Reviews": an instructor's are those of the cohorts they teach
 * (the same rows as listReviewQueue: learners still enrolled), an admin's
 * every cohort's; a learner has none. A number only, never a reflection.
 *
 * Every instructor page shows it, so the instructor's count starts from the
 * cohorts they teach, then their assignments, then each assignment's
 * submitted reflections (reflections_assignment_status_idx; a reflection's
 * assignment is its progress row's, and an assignment belongs to one
 * cohort), each checked against an active enrollment. Starting from every
 * submitted reflection and keeping the taught ones scanned the whole
 * organization's enrollments: ~50 ms on every instructor page at 100,000
 * learners, against ~7 ms this way (the instructor of 88 cohorts in the
 * scale seed).
 */
export async function countReviewsWaiting({ actor }: { actor: Actor }, db: DbOrTx = getDb()): Promise<number> {
  if (!can(actor.role, "cohort.progress") || actor.role === "learner") return 0;
  if (actor.role === "instructor") {
    const [r] = await execRows<{ n: number }>(
      db,
      sql`select count(*)::int as n
          from cohort_instructors ci
          join assignments a on a.cohort_id = ci.cohort_id
          join reflections r on r.assignment_id = a.id and r.status = 'submitted'
          join enrolments e on e.cohort_id = a.cohort_id and e.user_id = r.user_id and e.status = 'active'
          where ci.user_id = ${actor.id}::uuid`,
    );
    return r?.n ?? 0;
  }
  const [r] = await db
    .select({ n: count() })
    .from(reflections)
    .innerJoin(assignmentProgress, eq(assignmentProgress.id, reflections.progressId))
    .innerJoin(
      enrolments,
      and(eq(enrolments.cohortId, assignmentProgress.cohortId), eq(enrolments.userId, reflections.userId), eq(enrolments.status, "active")),
    )
    .where(eq(reflections.status, "submitted"));
  return r?.n ?? 0;
}
