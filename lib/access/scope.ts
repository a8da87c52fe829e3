import { and, eq, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { execRows, getDb, type DbOrTx } from "@/db/client";
import { cohortInstructors, cohorts, enrolments } from "@/db/schema";
import { notFound } from "@/lib/platform/errors";
import { isUuid } from "@/lib/platform/ids";
import { can, type Permission, type Role } from "./permissions";

/**
 * The scopes of the permission matrix, each in one place, both as a check
 * for one id and as a SQL predicate that list queries reuse:
 *
 * - "teaches this cohort": teaches / teachesSql
 * - "may act on this cohort" (admins: any; instructors: taught): mayActOnCohort / cohortScopeSql
 * - "enrolled in a cohort I teach": teachesLearner / teachesLearnerSql
 * - "own progress": lib/learning/own-progress.ts (loadOwnProgress), which every learner event locks through
 *
 * A refusal is a not_found DomainError, never "forbidden", so ids leak nothing.
 */
export type Actor = { id: string; role: Role };

export { isUuid };

type Column = AnyPgColumn | SQL;

/** SQL: `userId` teaches the cohort whose id is `cohortId` (a column or expression). */
export const teachesSql = (userId: string, cohortId: Column): SQL =>
  sql`exists (select 1 from ${cohortInstructors} where ${cohortInstructors.cohortId} = ${cohortId} and ${cohortInstructors.userId} = ${userId}::uuid)`;

/** SQL: the cohorts this actor may see under `permission` — all for admins, taught ones for instructors, none otherwise. */
export function cohortScopeSql(actor: Actor, cohortId: Column, permission: Permission = "cohort.progress"): SQL {
  if (!can(actor.role, permission)) return sql`false`;
  if (actor.role === "admin") return sql`true`;
  if (actor.role === "instructor") return teachesSql(actor.id, cohortId);
  return sql`false`;
}

/** SQL: the learner `learnerId` is (or was) enrolled in a cohort `instructorId` teaches. */
export const teachesLearnerSql = (instructorId: string, learnerId: Column): SQL =>
  sql`exists (select 1 from ${enrolments} join ${cohortInstructors} on ${cohortInstructors.cohortId} = ${enrolments.cohortId}
    where ${enrolments.userId} = ${learnerId} and ${cohortInstructors.userId} = ${instructorId}::uuid)`;

/** Does this instructor teach this cohort? */
export async function teaches(db: DbOrTx, userId: string, cohortId: string): Promise<boolean> {
  if (!isUuid(cohortId)) return false;
  const [row] = await db
    .select({ one: cohortInstructors.userId })
    .from(cohortInstructors)
    .where(and(eq(cohortInstructors.cohortId, cohortId), eq(cohortInstructors.userId, userId)))
    .limit(1);
  return Boolean(row);
}

/** Is this learner enrolled (active or removed) in a cohort this instructor teaches? */
export async function teachesLearner(db: DbOrTx, instructorId: string, learnerId: string): Promise<boolean> {
  if (!isUuid(learnerId)) return false;
  const rows = await execRows(db, sql`select 1 as one where ${teachesLearnerSql(instructorId, sql`${learnerId}::uuid`)}`);
  return rows.length > 0;
}

/**
 * The one answer to "may this user do this to this cohort?". Admins reach
 * every cohort (but never reflection text); instructors only the cohorts
 * they teach; learners none of the staff actions.
 */
export async function mayActOnCohort(actor: Actor, cohortId: string, permission: Permission, db: DbOrTx = getDb()) {
  if (!isUuid(cohortId) || !can(actor.role, permission)) return false;
  const [c] = await db
    .select({ id: cohorts.id })
    .from(cohorts)
    .where(and(eq(cohorts.id, cohortId), cohortScopeSql(actor, cohorts.id, permission)))
    .limit(1);
  return Boolean(c);
}

/** As mayActOnCohort, but refuses with not_found. */
export async function requireCohortScope(actor: Actor, cohortId: string, permission: Permission, db: DbOrTx = getDb()) {
  if (!(await mayActOnCohort(actor, cohortId, permission, db))) throw notFound();
}

/**
 * Organisation-wide areas (accounts, reports, audit) have no cohort to scope
 * by: the role's permission is the whole check.
 */
export function requirePermission(actor: Pick<Actor, "role">, permission: Permission) {
  if (!can(actor.role, permission)) throw notFound();
}
