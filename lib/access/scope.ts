import { and, eq, sql, type SQL } from "drizzle-orm";
import { notFound } from "next/navigation";
import { getDb, type DbOrTx } from "@/db/client";
import { assignmentProgress, cohortInstructors, cohorts } from "@/db/schema";
import { can, type Permission } from "./permissions";
import type { CurrentUser } from "../accounts/sessions";

type Actor = Pick<CurrentUser, "id" | "role">;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === "string" && UUID.test(v);

/** Does this instructor teach this cohort? */
export async function teaches(db: DbOrTx, userId: string, cohortId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: cohortInstructors.userId })
    .from(cohortInstructors)
    .where(and(eq(cohortInstructors.cohortId, cohortId), eq(cohortInstructors.userId, userId)))
    .limit(1);
  return Boolean(row);
}

/**
 * The one rule of "may this user do this to this cohort?", as a condition
 * on `cohorts` (null: no cohort at all). Admins reach every cohort (but
 * never reflection text); instructors only the cohorts they teach; learners
 * none of the staff actions. As SQL, a page can check scope and read the
 * cohort in one query (requireCohort).
 */
export function cohortScope(actor: Actor, permission: Permission): SQL | null {
  if (!can(actor.role, permission)) return null;
  if (actor.role === "admin") return sql`true`;
  if (actor.role === "instructor") {
    return sql`exists (select 1 from ${cohortInstructors} where ${cohortInstructors.cohortId} = ${cohorts.id} and ${cohortInstructors.userId} = ${actor.id})`;
  }
  return null;
}

/** Whether the actor may do this to the cohort (cohortScope, for one cohort id). */
export async function mayActOnCohort(actor: Actor, cohortId: string, permission: Permission, db: DbOrTx = getDb()) {
  const scope = cohortScope(actor, permission);
  if (!isUuid(cohortId) || !scope) return false;
  const [c] = await db.select({ id: cohorts.id }).from(cohorts).where(and(eq(cohorts.id, cohortId), scope)).limit(1);
  return Boolean(c);
}

/** As mayActOnCohort, but answers 404 (never 403) so ids leak nothing. */
export async function requireCohortScope(actor: Actor, cohortId: string, permission: Permission, db: DbOrTx = getDb()) {
  if (!(await mayActOnCohort(actor, cohortId, permission, db))) notFound();
}

/** A learner's own progress row (one learner × assignment), or 404. */
export async function requireOwnProgress(actor: Actor, progressId: string, db: DbOrTx = getDb()) {
  if (actor.role !== "learner" || !isUuid(progressId)) notFound();
  const [row] = await db
    .select()
    .from(assignmentProgress)
    .where(and(eq(assignmentProgress.id, progressId), eq(assignmentProgress.userId, actor.id)))
    .limit(1);
  if (!row) notFound();
  return row;
}

/**
 * Organisation-wide areas (accounts, reports, audit) have no cohort to scope
 * by: the role's permission is the whole check. Anyone else gets 404.
 */
export function requirePermission(actor: Actor, permission: Permission) {
  if (!can(actor.role, permission)) notFound();
}
