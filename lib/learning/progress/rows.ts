import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { assignmentProgress, assignments, enrolments } from "@/db/schema";
import { creditPriorCompletions } from "./prior-completion";

/**
 * Every active learner of a cohort has one progress row per assignment of
 * the cohort. These two functions keep that true; call them in the same
 * transaction as the assignment or enrolment they follow. Both are idempotent.
 */
export async function createProgressForAssignment(tx: DbOrTx, assignmentId: string) {
  await tx.execute(sql`
    insert into ${assignmentProgress} (assignment_id, user_id, cohort_id)
    select ${assignments.id}, ${enrolments.userId}, ${assignments.cohortId}
    from ${assignments} join ${enrolments} on ${enrolments.cohortId} = ${assignments.cohortId}
    where ${assignments.id} = ${assignmentId} and ${enrolments.status} = 'active'
    on conflict (assignment_id, user_id) do nothing`);
  // learners who already completed this version in another cohort
  await creditPriorCompletions(tx, sql`target.assignment_id = ${assignmentId}::uuid`);
}

export async function createProgressForEnrolment(tx: DbOrTx, cohortId: string, userId: string) {
  await tx.execute(sql`
    insert into ${assignmentProgress} (assignment_id, user_id, cohort_id)
    select ${assignments.id}, ${userId}, ${cohortId}
    from ${assignments} where ${assignments.cohortId} = ${cohortId}
    on conflict (assignment_id, user_id) do nothing`);
  await creditPriorCompletions(tx, sql`target.cohort_id = ${cohortId}::uuid and target.user_id = ${userId}::uuid`);
}

export async function progressFor(tx: DbOrTx, assignmentId: string, userId: string) {
  const [row] = await tx
    .select()
    .from(assignmentProgress)
    .where(and(eq(assignmentProgress.assignmentId, assignmentId), eq(assignmentProgress.userId, userId)))
    .limit(1);
  return row ?? null;
}
