import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { noControlCharacters } from "@/lib/platform/text";
import { execRows, getDb, type DbOrTx } from "@/db/client";
import { assignmentProgress, assignments, cohortInstructors, cohorts, enrolments, users } from "@/db/schema";
import { DomainError, invalid, notFound } from "@/lib/platform/errors";
import { fieldErrorsOf } from "@/lib/platform/field-errors";
import { findUserByEmail } from "@/lib/accounts/users";
import { audit } from "@/lib/audit/record";
import type { Permission } from "@/lib/access/permissions";
import { cohortScopeSql, isUuid, requirePermission } from "@/lib/access/scope";
import type { CurrentUser } from "@/lib/accounts/sessions";
import { statusSql } from "@/lib/learning/progress/status";

/** Who is acting: enough to check scope and to write the audit entry. */
export type Actor = Pick<CurrentUser, "id" | "role" | "email">;

export const cohortFieldsSchema = z.object({
  name: z
    .string()
    .refine(...noControlCharacters())
    .trim()
    .min(1, "Enter a name for the cohort.")
    .max(120, "Keep the name under 120 characters."),
  description: z
    .string()
    .refine(...noControlCharacters({ multiline: true }))
    .trim()
    .max(2000, "Keep the description under 2,000 characters.")
    .default(""),
});

export type Cohort = typeof cohorts.$inferSelect;

/** Name and description checked, each problem next to its field (callers other than the form get the same messages). */
function checkedFields(input: { name: string; description: string }) {
  const parsed = cohortFieldsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalid("Please correct the highlighted fields.", fieldErrorsOf(parsed.error.issues));
}

/**
 * The cohort, after the one scope check (lib/access/scope.ts), in one query;
 * a cohort the actor may not reach answers not_found exactly like a missing one.
 */
export async function requireCohort(actor: Actor, cohortId: string, permission: Permission, db: DbOrTx = getDb()): Promise<Cohort> {
  if (!isUuid(cohortId)) throw notFound();
  requirePermission(actor, permission);
  const [cohort] = await db
    .select()
    .from(cohorts)
    .where(and(eq(cohorts.id, cohortId), cohortScopeSql(actor, cohorts.id, permission)))
    .limit(1);
  if (!cohort) throw notFound();
  return cohort;
}

/** Changing who is in a cohort or what it is assigned needs it open. */
export function assertCohortOpen(cohort: Cohort) {
  if (cohort.status === "archived")
    throw new DomainError("conflict", "This cohort is archived. Unarchive it first (Settings) to change it.");
}

async function activeInstructorIds(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.role, "instructor"), eq(users.status, "active")));
  return rows.map((r) => r.id);
}

/**
 * A new cohort. An instructor becomes its instructor; an admin names the
 * instructors (active instructor accounts, at least one).
 */
export async function createCohort({
  actor,
  name,
  description = "",
  instructorIds = [],
}: {
  actor: Actor;
  name: string;
  description?: string;
  instructorIds?: string[];
}) {
  requirePermission(actor, "cohort.create");
  const fields = checkedFields({ name, description });
  return getDb().transaction(async (tx) => {
    let teachers: string[];
    if (actor.role === "instructor") {
      teachers = [actor.id];
    } else {
      const wanted = [...new Set(instructorIds)];
      // an id that is not even a UUID (a tampered form) is refused like an unknown one, not sent to the database
      teachers = wanted.every(isUuid) ? await activeInstructorIds(tx, wanted) : [];
      if (!teachers.length || teachers.length !== wanted.length) {
        throw invalid("Choose at least one active instructor.", { instructorIds: "Choose at least one active instructor." });
      }
    }
    const [cohort] = await tx
      .insert(cohorts)
      .values({ ...fields, createdBy: actor.id })
      .returning();
    await tx.insert(cohortInstructors).values(teachers.map((userId) => ({ cohortId: cohort.id, userId })));
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "cohort.create",
      targetType: "cohort",
      targetId: cohort.id,
      details: { name: cohort.name, instructorIds: teachers },
    });
    return cohort;
  });
}

export async function updateCohort({
  actor,
  cohortId,
  name,
  description = "",
}: {
  actor: Actor;
  cohortId: string;
  name: string;
  description?: string;
}) {
  const fields = checkedFields({ name, description });
  return getDb().transaction(async (tx) => {
    const before = await requireCohort(actor, cohortId, "cohort.manage", tx);
    const [cohort] = await tx.update(cohorts).set(fields).where(eq(cohorts.id, cohortId)).returning();
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "cohort.update",
      targetType: "cohort",
      targetId: cohortId,
      details: { from: { name: before.name }, to: { name: cohort.name } },
    });
    return cohort;
  });
}

/** Archived cohorts leave the lists; every enrolment, attempt and reflection stays. */
export async function setCohortArchived({ actor, cohortId, archived }: { actor: Actor; cohortId: string; archived: boolean }) {
  return getDb().transaction(async (tx) => {
    const cohort = await requireCohort(actor, cohortId, "cohort.manage", tx);
    const status = archived ? "archived" : "active";
    if (cohort.status === status) return cohort;
    const [updated] = await tx
      .update(cohorts)
      .set({ status, archivedAt: archived ? new Date() : null })
      .where(eq(cohorts.id, cohortId))
      .returning();
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: archived ? "cohort.archive" : "cohort.unarchive",
      targetType: "cohort",
      targetId: cohortId,
    });
    return updated;
  });
}

/** Another active instructor, found by email, teaches this cohort too. */
export async function addCoInstructor({ actor, cohortId, email }: { actor: Actor; cohortId: string; email: string }) {
  return getDb().transaction(async (tx) => {
    await requireCohort(actor, cohortId, "cohort.manage", tx);
    const person = await findUserByEmail(email, tx);
    if (!person || person.role !== "instructor" || person.status !== "active") {
      throw invalid("No active instructor account has that email.", { email: "No active instructor account has that email." });
    }
    const added = await tx.insert(cohortInstructors).values({ cohortId, userId: person.id }).onConflictDoNothing().returning();
    if (!added.length) {
      throw new DomainError("conflict", `${person.name} already teaches this cohort.`, {
        fieldErrors: { email: `${person.name} already teaches this cohort.` },
      });
    }
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "cohort.add_instructor",
      targetType: "cohort",
      targetId: cohortId,
      details: { instructorId: person.id, instructorEmail: person.email },
    });
    return person;
  });
}

export async function listCohortInstructors({ cohortId }: { cohortId: string }) {
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email })
    .from(cohortInstructors)
    .innerJoin(users, eq(users.id, cohortInstructors.userId))
    .where(eq(cohortInstructors.cohortId, cohortId))
    .orderBy(asc(users.name));
}

export type CohortListRow = {
  id: string;
  name: string;
  status: "active" | "archived";
  learners: number;
  progressRows: number;
  completed: number;
  completePercent: number | null;
  overdue: number;
  nextDueAt: Date | null;
};

/**
 * The cohorts an instructor teaches (an admin: every cohort), with learners,
 * complete %, overdue count and the nearest upcoming due date: one query.
 * Only active enrolments count.
 */
export async function listCohortsWithFigures({
  actor,
  archived = false,
  now = new Date(),
}: {
  actor: Actor;
  archived?: boolean;
  now?: Date;
}): Promise<CohortListRow[]> {
  requirePermission(actor, "cohort.progress");
  const at = sql`${now.toISOString()}::timestamptz`;
  const rows = await execRows<{
    id: string;
    name: string;
    status: "active" | "archived";
    learners: number | string;
    progress_rows: number | string;
    completed: number | string;
    overdue: number | string;
    next_due_at: Date | string | null;
  }>(
    getDb(),
    sql`
    select c.id, c.name, c.status,
      (select count(*) from ${enrolments} e where e.cohort_id = c.id and e.status = 'active') as learners,
      coalesce(f.progress_rows, 0) as progress_rows,
      coalesce(f.completed, 0) as completed,
      coalesce(f.overdue, 0) as overdue,
      (select min(${assignments.dueAt}) from ${assignments} where ${assignments.cohortId} = c.id and ${assignments.dueAt} >= ${at}) as next_due_at
    from ${cohorts} c
    left join lateral (
      select count(*) as progress_rows,
        count(${assignmentProgress.completedAt}) as completed,
        count(*) filter (where ${statusSql(at)} = 'overdue') as overdue
      from ${assignmentProgress}
      join ${assignments} on ${assignments.id} = ${assignmentProgress.assignmentId}
      join ${enrolments} ae on ae.cohort_id = ${assignmentProgress.cohortId} and ae.user_id = ${assignmentProgress.userId} and ae.status = 'active'
      where ${assignmentProgress.cohortId} = c.id
    ) f on true
    where c.status = ${archived ? "archived" : "active"} and ${cohortScopeSql(actor, sql`c.id`)}
    order by lower(c.name), c.id`,
  );
  return rows.map((r) => {
    const progressRows = Number(r.progress_rows);
    const completed = Number(r.completed);
    return {
      id: r.id,
      name: r.name,
      status: r.status,
      learners: Number(r.learners),
      progressRows,
      completed,
      completePercent: progressRows ? Math.round((completed / progressRows) * 100) : null,
      overdue: Number(r.overdue),
      nextDueAt: r.next_due_at ? new Date(r.next_due_at) : null,
    };
  });
}
