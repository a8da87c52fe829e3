/**
 * Builders for the instructor workspace's tests. The learner side (quiz,
 * reflections, completion) is built elsewhere; until it can be called these
 * insert what it would leave behind — attempts with responses, reflections,
 * the progress counters — following the schema and the rules of COMMON.md.
 */
import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import {
  assignmentProgress,
  assignments,
  cohortInstructors,
  cohorts,
  enrolments,
  quizAttempts,
  quizResponses,
  reflections,
} from "../schema";
import { makeUser } from "./factories";

export const makeInstructor = (o: Parameters<typeof makeUser>[0] = {}) => makeUser({ role: "instructor", name: "Test Instructor", ...o });
export const makeLearner = (o: Parameters<typeof makeUser>[0] = {}) =>
  makeUser({ role: "learner", name: `Learner ${randomBytes(3).toString("hex")}`, ...o });

export async function makeCohort({
  instructorIds,
  name,
  status = "active",
}: {
  instructorIds: string[];
  name?: string;
  status?: "active" | "archived";
}) {
  const db = getDb();
  const [c] = await db
    .insert(cohorts)
    .values({ name: name ?? `Cohort ${randomBytes(3).toString("hex")}`, status, archivedAt: status === "archived" ? new Date() : null })
    .returning();
  if (instructorIds.length) await db.insert(cohortInstructors).values(instructorIds.map((userId) => ({ cohortId: c.id, userId })));
  return c;
}

/** An enrolment with a progress row per assignment (what createProgressForEnrolment does). */
export async function enrol(cohortId: string, userId: string, status: "active" | "removed" = "active") {
  const db = getDb();
  await db.insert(enrolments).values({ cohortId, userId, source: "seed", status, removedAt: status === "removed" ? new Date() : null });
  await db.execute(sql`
    insert into ${assignmentProgress} (assignment_id, user_id, cohort_id)
    select ${assignments.id}, ${userId}, ${cohortId} from ${assignments} where ${assignments.cohortId} = ${cohortId}
    on conflict (assignment_id, user_id) do nothing`);
}

const DAY = 86400_000;

/** An assignment with progress rows for the cohort's active learners. */
export async function makeAssignment({
  cohortId,
  moduleId,
  opensAt = new Date(Date.now() - 7 * DAY),
  dueAt = new Date(Date.now() + 7 * DAY),
}: {
  cohortId: string;
  moduleId: string;
  opensAt?: Date;
  dueAt?: Date;
}) {
  const db = getDb();
  const [a] = await db.insert(assignments).values({ cohortId, moduleId, opensAt, dueAt }).returning();
  await db.execute(sql`
    insert into ${assignmentProgress} (assignment_id, user_id, cohort_id)
    select ${a.id}, ${enrolments.userId}, ${cohortId} from ${enrolments}
    where ${enrolments.cohortId} = ${cohortId} and ${enrolments.status} = 'active'
    on conflict (assignment_id, user_id) do nothing`);
  return a;
}

export async function progressOf(assignmentId: string, userId: string) {
  const [p] = await getDb()
    .select()
    .from(assignmentProgress)
    .where(and(eq(assignmentProgress.assignmentId, assignmentId), eq(assignmentProgress.userId, userId)));
  if (!p) throw new Error("no progress row: enrol the learner and assign first");
  return p;
}

export async function setProgress(progressId: string, values: Partial<typeof assignmentProgress.$inferInsert>) {
  const [p] = await getDb().update(assignmentProgress).set(values).where(eq(assignmentProgress.id, progressId)).returning();
  return p;
}

export type ResponseSpec = { itemId: string; ideaId: string; chosen: string[]; correct: boolean };

/**
 * A submitted quiz attempt with its responses, and the progress counters the
 * learner side keeps (attempts, best score, first pass, start and activity),
 * as if the learner had submitted it at `submittedAt`.
 */
export async function makeAttempt({
  progressId,
  moduleVersionId,
  score,
  passMark = 80,
  submittedAt = new Date(),
  responses = [],
  status = "submitted",
}: {
  progressId: string;
  moduleVersionId: string;
  score: number;
  passMark?: number;
  submittedAt?: Date;
  responses?: ResponseSpec[];
  status?: "submitted" | "in_progress";
}) {
  const db = getDb();
  const [p] = await db.select().from(assignmentProgress).where(eq(assignmentProgress.id, progressId));
  const passed = score >= passMark;
  const [attempt] = await db
    .insert(quizAttempts)
    .values({
      progressId,
      assignmentId: p.assignmentId,
      userId: p.userId,
      moduleVersionId,
      status,
      draw: responses.map((r) => ({ itemId: r.itemId, optionIds: r.chosen })),
      passMark,
      score: status === "submitted" ? score : null,
      correctCount: status === "submitted" ? responses.filter((r) => r.correct).length : null,
      passed: status === "submitted" ? passed : null,
      startedAt: new Date(submittedAt.getTime() - 10 * 60_000),
      submittedAt: status === "submitted" ? submittedAt : null,
    })
    .returning();
  if (status !== "submitted") return attempt;
  if (responses.length) {
    await db.insert(quizResponses).values(
      responses.map((r) => ({
        attemptId: attempt.id,
        itemId: r.itemId,
        ideaId: r.ideaId,
        chosenOptionIds: r.chosen,
        correct: r.correct,
      })),
    );
  }
  await db
    .update(assignmentProgress)
    .set({
      moduleVersionId: sql`coalesce(${assignmentProgress.moduleVersionId}, ${moduleVersionId}::uuid)`,
      attemptsCount: sql`${assignmentProgress.attemptsCount} + 1`,
      bestScore: sql`greatest(${assignmentProgress.bestScore}, ${score}::int)`,
      quizPassedAt: passed ? sql`coalesce(${assignmentProgress.quizPassedAt}, ${submittedAt.toISOString()}::timestamptz)` : undefined,
      startedAt: sql`coalesce(${assignmentProgress.startedAt}, ${submittedAt.toISOString()}::timestamptz)`,
      lastActivityAt: sql`greatest(${assignmentProgress.lastActivityAt}, ${submittedAt.toISOString()}::timestamptz)`,
    })
    .where(eq(assignmentProgress.id, progressId));
  return attempt;
}

/** A reflection; when submitted, the progress row's reflectionsSubmitted counter follows. */
export async function makeReflection({
  progressId,
  moduleVersionId,
  promptId,
  status = "submitted",
  body = "I would thank them warmly and explain that I keep work and private life apart, so that my attention stays on their recovery plan.",
  submittedAt = status === "draft" ? null : new Date(),
  version = 1,
}: {
  progressId: string;
  moduleVersionId: string;
  promptId: string;
  status?: "draft" | "submitted" | "revision_requested" | "accepted";
  body?: string;
  submittedAt?: Date | null;
  version?: number;
}) {
  const db = getDb();
  const [p] = await db.select().from(assignmentProgress).where(eq(assignmentProgress.id, progressId));
  const [r] = await db
    .insert(reflections)
    .values({
      progressId,
      assignmentId: p.assignmentId,
      userId: p.userId,
      moduleVersionId,
      promptId,
      body,
      wordCount: body.split(/\s+/).filter(Boolean).length,
      status,
      submittedAt,
      version,
    })
    .returning();
  await db
    .update(assignmentProgress)
    .set({
      moduleVersionId: sql`coalesce(${assignmentProgress.moduleVersionId}, ${moduleVersionId}::uuid)`,
      startedAt: sql`coalesce(${assignmentProgress.startedAt}, now())`,
      reflectionsSubmitted: sql`(select count(*)::int from ${reflections} where ${reflections.progressId} = ${progressId} and ${reflections.submittedAt} is not null)`,
      lastActivityAt: sql`now()`,
    })
    .where(eq(assignmentProgress.id, progressId));
  return r;
}

export { expectNotFound } from "./admin-helpers";
