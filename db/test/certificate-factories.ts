/**
 * Builders for certificate tests: a learner with a completed assignment, made
 * by direct inserts (the learner journey's completion code is not needed).
 */
import { randomBytes } from "node:crypto";
import { getDb } from "../client";
import { assignmentProgress, assignments, cohortInstructors, cohorts, enrolments, type User } from "../schema";
import { publishBuiltInModules } from "@/lib/learning/module/publish";
import { makeUser } from "./factories";

const suffix = () => randomBytes(3).toString("hex");

export async function makeCohort({ name, instructors = [] }: { name?: string; instructors?: User[] } = {}) {
  const [cohort] = await getDb()
    .insert(cohorts)
    .values({ name: name ?? `Cohort ${suffix()}` })
    .returning();
  if (instructors.length) {
    await getDb()
      .insert(cohortInstructors)
      .values(instructors.map((i) => ({ cohortId: cohort.id, userId: i.id })));
  }
  return cohort;
}

export async function makeInstructor(name = `Instructor ${suffix()}`) {
  return makeUser({ role: "instructor", name });
}

/** Enrol a learner (active unless said otherwise) and create their progress row for the assignment. */
export async function enrol(cohortId: string, userId: string, status: "active" | "removed" = "active") {
  await getDb()
    .insert(enrolments)
    .values({ cohortId, userId, status, source: "seed", removedAt: status === "removed" ? new Date() : null });
}

/**
 * A learner who has completed the built-in module in a cohort. Pass an
 * existing learner or cohort to add another completion to them.
 */
export async function makeCompletedProgress(
  opts: {
    learner?: User;
    learnerName?: string;
    cohort?: typeof cohorts.$inferSelect;
    instructors?: User[];
    completedAt?: Date;
    completed?: boolean;
  } = {},
) {
  const db = getDb();
  const { moduleId, versionId } = await publishBuiltInModules(db);
  const learner = opts.learner ?? (await makeUser({ role: "learner", name: opts.learnerName ?? `Learner ${suffix()}` }));
  const instructors = opts.instructors ?? (opts.cohort ? [] : [await makeInstructor()]);
  const cohort = opts.cohort ?? (await makeCohort({ instructors }));
  // one assignment per cohort and module: reuse it when the cohort already has one
  const [assignment] = await db
    .insert(assignments)
    .values({ cohortId: cohort.id, moduleId, opensAt: new Date(Date.now() - 7 * 86400_000), dueAt: new Date(Date.now() + 7 * 86400_000) })
    .onConflictDoUpdate({ target: [assignments.cohortId, assignments.moduleId], set: { updatedAt: new Date() } })
    .returning();
  await db.insert(enrolments).values({ cohortId: cohort.id, userId: learner.id, source: "seed" }).onConflictDoNothing();
  const completedAt = opts.completed === false ? null : (opts.completedAt ?? new Date());
  const [progress] = await db
    .insert(assignmentProgress)
    .values({
      assignmentId: assignment.id,
      userId: learner.id,
      cohortId: cohort.id,
      moduleVersionId: versionId,
      startedAt: new Date(Date.now() - 86400_000),
      quizPassedAt: completedAt,
      reflectionsSubmitted: completedAt ? 3 : 0,
      completedAt,
      lastActivityAt: completedAt ?? new Date(),
    })
    .returning();
  return { learner, cohort, instructors, assignment, progress, versionId };
}
