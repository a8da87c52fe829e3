import { sql } from "drizzle-orm";
import { execRows, getDb, type DbOrTx } from "@/db/client";
import { can } from "@/lib/access/permissions";
import { cohortScopeSql, type Actor } from "@/lib/access/scope";

/**
 * How many submitted reflections wait for a review, for the count on the
 * header's "Reviews": an instructor's are those of the cohorts they teach
 * (the same rows as listReviewQueue: learners still enrolled), an admin's
 * every cohort's; a learner has none. A number only, never a reflection.
 * The cohorts are the matrix's own scope (cohortScopeSql), as every list uses.
 *
 * Every instructor page shows it, so it starts from assignments, then each
 * assignment's submitted reflections (reflections_assignment_status_idx; a
 * reflection's assignment is its progress row's, and an assignment belongs to
 * one cohort), each checked against an active enrollment. For an instructor
 * PostgreSQL reads the taught cohorts first (cohort_instructors_user_idx).
 * Starting from every submitted reflection and keeping the taught ones scanned
 * the whole organization's enrollments: ~50 ms on every instructor page at
 * 100,000 learners, against ~6–7 ms this way (the instructor of 88 cohorts in
 * the scale seed).
 */
export async function countReviewsWaiting({ actor }: { actor: Actor }, db: DbOrTx = getDb()): Promise<number> {
  if (!can(actor.role, "cohort.progress")) return 0;
  const [r] = await execRows<{ n: number }>(
    db,
    sql`select count(*)::int as n
        from assignments a
        join reflections r on r.assignment_id = a.id and r.status = 'submitted'
        join enrolments e on e.cohort_id = a.cohort_id and e.user_id = r.user_id and e.status = 'active'
        where ${cohortScopeSql(actor, sql`a.cohort_id`)}`,
  );
  return r?.n ?? 0;
}
