import { and, eq } from "drizzle-orm";
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
 * The one answer to "may this user do this to this cohort?". Admins reach
 * every cohort (but never reflection text); instructors only the cohorts
 * they teach; learners none of the staff actions.
 */
export async function mayActOnCohort(actor: Actor, cohortId: string, permission: Permission, db: DbOrTx = getDb()) {
  if (!isUuid(cohortId) || !can(actor.role, permission)) return false;
  if (actor.role === "admin") {
    const [c] = await db.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.id, cohortId)).limit(1);
    return Boolean(c);
  }
  if (actor.role === "instructor") return teaches(db, actor.id, cohortId);
  return false;
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
