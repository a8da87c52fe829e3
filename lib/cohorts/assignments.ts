import { notifyAssigned } from "@/lib/notifications/events";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { DATE_RANGE_MESSAGE, isInstantInRange } from "@/lib/platform/dates";
import { getDb, preparedOnce, type DbOrTx } from "@/db/client";
import { assignments, modules, moduleVersions, orgSettings, showCorrectAnswersEnum } from "@/db/schema";
import { DomainError, invalid, notFound } from "@/lib/platform/errors";
import { fieldErrorsOf } from "@/lib/platform/field-errors";
import { audit } from "@/lib/audit/record";
import { isUuid } from "@/lib/access/scope";
import { assertCohortOpen, requireCohort, type Actor } from "@/lib/cohorts/cohorts";
import { createProgressForAssignment } from "@/lib/learning/progress/rows";
import { SHOW_CORRECT_ANSWERS_DEFAULT } from "@/lib/learning/quiz/review-policy";
import { DEFAULT_TIME_ZONE } from "@/lib/notifications/outbox";
import { localTime } from "@/lib/notifications/schedule";

/**
 * Dates arrive as ISO instants: the browser turns what the instructor typed
 * in their own time zone into UTC before sending (see LocalDateTimeField).
 */
const instant = (what: string) =>
  z
    .string({ message: `Enter the ${what}.` })
    .trim()
    .min(1, `Enter the ${what}.`)
    .pipe(z.iso.datetime({ offset: true, message: `Enter the ${what} as a date and time.` }))
    .transform((s) => new Date(s))
    .refine(isInstantInRange, DATE_RANGE_MESSAGE);

const optionalInt = (min: number, max: number, message: string) =>
  z.preprocess(
    (v) => (v === "" || v === undefined || v === null ? null : v),
    z.coerce.number({ message }).int(message).min(min, message).max(max, message).nullable(),
  );

/** "yes"/"no" from a select (or a boolean); empty means the default. */
const yesNo = (fallback: boolean) =>
  z.preprocess(
    (v) => (v === "" || v === undefined || v === null ? fallback : v === "yes" ? true : v === "no" ? false : v),
    z.boolean({ message: "Choose yes or no." }),
  );

/** The quiz options an instructor sets per assignment: when the key is shown, and whether the quiz waits for the lesson. */
export const quizOptionsSchema = z.object({
  showCorrectAnswers: z.preprocess(
    (v) => (v === "" || v === undefined || v === null ? SHOW_CORRECT_ANSWERS_DEFAULT : v),
    z.enum(showCorrectAnswersEnum.enumValues, { message: "Choose when learners see the correct answers." }),
  ),
  requireAllSectionsRead: yesNo(true),
});

export const datesSchema = z
  .object({ opensAt: instant("open date"), dueAt: instant("due date") })
  .refine((d) => d.dueAt > d.opensAt, { path: ["dueAt"], message: "The due date must be after the open date." });

export const assignmentFieldsSchema = z
  .object({
    opensAt: instant("open date"),
    dueAt: instant("due date"),
    passMarkOverride: optionalInt(1, 100, "The pass mark is a whole number from 1 to 100."),
    maxAttempts: optionalInt(1, 100, "The attempts limit is a whole number from 1 to 100."),
    // on unless turned off: credit waits for an instructor to accept every reflection
    reflectionsMustBeAccepted: z.preprocess(
      (v) => (v === undefined || v === null ? true : v === true || v === "true" || v === "on"),
      z.boolean(),
    ),
  })
  .extend(quizOptionsSchema.shape)
  .refine((d) => d.dueAt > d.opensAt, { path: ["dueAt"], message: "The due date must be after the open date." });

export type AssignmentFields = {
  opensAt: string;
  dueAt: string;
  passMarkOverride?: string | number | null;
  maxAttempts?: string | number | null;
  /** default true; a form sends "on" when the box is ticked and "" when not */
  reflectionsMustBeAccepted?: boolean | string | null;
  showCorrectAnswers?: string;
  requireAllSectionsRead?: string | boolean;
};

function checked<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalid("Please correct the highlighted fields.", fieldErrorsOf(parsed.error.issues));
}

/** Modules with a published version: what can be assigned. */
export async function listAssignableModules() {
  return getDb()
    .selectDistinctOn([modules.id], { id: modules.id, slug: modules.slug, title: modules.title, passMark: moduleVersions.passMark })
    .from(modules)
    .innerJoin(moduleVersions, eq(moduleVersions.moduleId, modules.id))
    .orderBy(modules.id, desc(moduleVersions.version));
}

/**
 * Assign a module to a cohort, once. Every active learner gets a progress
 * row now (learners who join later get theirs on enrolment).
 */
export async function assignModule({
  actor,
  cohortId,
  moduleId,
  ...fields
}: { actor: Actor; cohortId: string; moduleId: string } & AssignmentFields) {
  const values = checked(assignmentFieldsSchema, fields);
  if (!isUuid(moduleId)) throw invalid("Choose a module.", { moduleId: "Choose a module." });
  return getDb().transaction(async (tx) => {
    const cohort = await requireCohort(actor, cohortId, "cohort.manage", tx);
    assertCohortOpen(cohort);
    const [published] = await tx
      .select({ id: moduleVersions.id })
      .from(moduleVersions)
      .where(eq(moduleVersions.moduleId, moduleId))
      .limit(1);
    if (!published) throw invalid("Choose a published module.", { moduleId: "Choose a published module." });
    const [assignment] = await tx
      .insert(assignments)
      .values({ cohortId, moduleId, ...values, createdBy: actor.id })
      .onConflictDoNothing()
      .returning();
    if (!assignment) {
      throw new DomainError("conflict", "This module is already assigned to this cohort. Change its dates instead.", {
        fieldErrors: { moduleId: "Already assigned to this cohort." },
      });
    }
    await createProgressForAssignment(tx, assignment.id);
    await notifyAssigned(tx, { assignmentId: assignment.id });
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "assignment.create",
      targetType: "assignment",
      targetId: assignment.id,
      details: {
        cohortId,
        moduleId,
        opensAt: values.opensAt.toISOString(),
        dueAt: values.dueAt.toISOString(),
        passMarkOverride: values.passMarkOverride,
        maxAttempts: values.maxAttempts,
        reflectionsMustBeAccepted: values.reflectionsMustBeAccepted,
        showCorrectAnswers: values.showCorrectAnswers,
        requireAllSectionsRead: values.requireAllSectionsRead,
      },
    });
    return assignment;
  });
}

/** Move the open and due dates of an assignment of this cohort. */
export async function updateAssignmentDates({
  actor,
  cohortId,
  assignmentId,
  opensAt,
  dueAt,
}: {
  actor: Actor;
  cohortId: string;
  assignmentId: string;
  opensAt: string;
  dueAt: string;
}) {
  const values = checked(datesSchema, { opensAt, dueAt });
  if (!isUuid(assignmentId)) throw notFound();
  return getDb().transaction(async (tx) => {
    const cohort = await requireCohort(actor, cohortId, "cohort.manage", tx);
    assertCohortOpen(cohort);
    const [before] = await tx
      .select()
      .from(assignments)
      .where(and(eq(assignments.id, assignmentId), eq(assignments.cohortId, cohortId)))
      .for("update");
    if (!before) throw notFound();
    const [updated] = await tx.update(assignments).set(values).where(eq(assignments.id, assignmentId)).returning();
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "assignment.update",
      targetType: "assignment",
      targetId: assignmentId,
      details: {
        cohortId,
        from: { opensAt: before.opensAt.toISOString(), dueAt: before.dueAt.toISOString() },
        to: { opensAt: values.opensAt.toISOString(), dueAt: values.dueAt.toISOString() },
      },
    });
    return updated;
  });
}

/** Change when learners see the correct answers and whether the quiz waits for the lesson; applies from the next page a learner opens. */
export async function updateAssignmentQuizOptions({
  actor,
  cohortId,
  assignmentId,
  ...fields
}: {
  actor: Actor;
  cohortId: string;
  assignmentId: string;
  showCorrectAnswers?: string;
  requireAllSectionsRead?: string | boolean;
}) {
  const values = checked(quizOptionsSchema, fields);
  if (!isUuid(assignmentId)) throw notFound();
  return getDb().transaction(async (tx) => {
    const cohort = await requireCohort(actor, cohortId, "cohort.manage", tx);
    assertCohortOpen(cohort);
    const [before] = await tx
      .select()
      .from(assignments)
      .where(and(eq(assignments.id, assignmentId), eq(assignments.cohortId, cohortId)))
      .for("update");
    if (!before) throw notFound();
    const [updated] = await tx.update(assignments).set(values).where(eq(assignments.id, assignmentId)).returning();
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "assignment.update",
      targetType: "assignment",
      targetId: assignmentId,
      details: {
        cohortId,
        from: { showCorrectAnswers: before.showCorrectAnswers, requireAllSectionsRead: before.requireAllSectionsRead },
        to: values,
      },
    });
    return updated;
  });
}

export type CohortAssignment = Awaited<ReturnType<typeof listCohortAssignments>>[number];

/** The assignment a cohort page shows: the one named in its link, else the first; null while nothing is assigned. */
export function pickAssignment<T extends { id: string }>(list: T[], id: string | undefined): T | null {
  return list.find((a) => a.id === id) ?? list[0] ?? null;
}

/** The cohort's assignments, oldest first (scope is the caller's check). */
export async function listCohortAssignments({ cohortId }: { cohortId: string }) {
  // every view of a cohort's pages runs this: built and prepared once (db/client.ts preparedOnce)
  const query = preparedOnce(getDb(), "cohort_assignments", (db) =>
    db
      .select({
        id: assignments.id,
        moduleId: assignments.moduleId,
        moduleTitle: modules.title,
        opensAt: assignments.opensAt,
        dueAt: assignments.dueAt,
        passMarkOverride: assignments.passMarkOverride,
        maxAttempts: assignments.maxAttempts,
        reflectionsMustBeAccepted: assignments.reflectionsMustBeAccepted,
        showCorrectAnswers: assignments.showCorrectAnswers,
        requireAllSectionsRead: assignments.requireAllSectionsRead,
      })
      .from(assignments)
      .innerJoin(modules, eq(modules.id, assignments.moduleId))
      .where(eq(assignments.cohortId, sql.placeholder("cohortId")))
      .orderBy(asc(assignments.createdAt), asc(assignments.id))
      .prepare("cohort_assignments"),
  );
  return query.execute({ cohortId });
}

/**
 * What the assign form starts with: opens today at midnight and is due 14 days later at 11:59 p.m., both on the
 * calendar of the organization's time zone (the instructor sees them in their own and can change them).
 */
export async function defaultAssignmentDates({ now = new Date(), db = getDb() }: { now?: Date; db?: DbOrTx } = {}) {
  const [row] = await db.select({ timeZone: orgSettings.timeZone }).from(orgSettings).where(eq(orgSettings.id, 1));
  return assignmentDatesFrom(now, row?.timeZone ?? DEFAULT_TIME_ZONE);
}

export function assignmentDatesFrom(now: Date, timeZone: string) {
  const opensAt = localTime(now, timeZone, 0);
  const dueAt = new Date(localTime(now, timeZone, 0, 15).getTime() - 60_000);
  return { opensAt, dueAt };
}
