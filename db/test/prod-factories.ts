/**
 * Builders for the production-readiness tests: a learner with a full history
 * (enrolment, progress, section reads, a quiz attempt with answers, a draft and
 * a reviewed reflection, a certificate), written straight to the tables so the
 * tests do not depend on the learner journey's code.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { issueCertificate } from "@/lib/certificates/issue";
import { publishBuiltInModules } from "@/lib/learning/module/publish";
import { createProgressForAssignment } from "@/lib/learning/progress/rows";
import { getDb } from "../client";
import {
  assignmentProgress,
  assignments,
  auditLog,
  cohortInstructors,
  cohorts,
  enrolments,
  quizAttempts,
  quizResponses,
  reflectionReviews,
  reflections,
  sectionReads,
} from "../schema";
import { makeUser, uniqueEmail } from "./factories";

export const REFLECTION_TEXT = "A private story about a client friendship that blurred a line";

export async function makeCohortWithAssignment() {
  const db = getDb();
  const published = await publishBuiltInModules(db);
  const instructor = await makeUser({ role: "instructor", email: uniqueEmail("instructor"), name: "Inez Instructor" });
  const [cohort] = await db
    .insert(cohorts)
    .values({ name: `Cohort ${randomBytes(3).toString("hex")}`, createdBy: instructor.id })
    .returning();
  await db.insert(cohortInstructors).values({ cohortId: cohort.id, userId: instructor.id });
  const [assignment] = await db
    .insert(assignments)
    .values({
      cohortId: cohort.id,
      moduleId: published.moduleId,
      opensAt: new Date(Date.now() - 7 * 86400_000),
      dueAt: new Date(Date.now() + 7 * 86400_000),
      createdBy: instructor.id,
    })
    .returning();
  return { instructor, cohort, assignment, moduleVersionId: published.versionId };
}

/** A learner who has done everything once: the kind of row erasure and export must cover. */
export async function makeLearnerWithHistory(opts: { name?: string; complete?: boolean } = {}) {
  const db = getDb();
  const { instructor, cohort, assignment, moduleVersionId } = await makeCohortWithAssignment();
  const learner = await makeUser({ role: "learner", email: uniqueEmail("learner"), name: opts.name ?? "Lee Learner" });
  await db.insert(enrolments).values({ cohortId: cohort.id, userId: learner.id, source: "email" });
  await createProgressForAssignment(db, assignment.id);
  const [progress] = await db.select().from(assignmentProgress).where(eq(assignmentProgress.userId, learner.id));
  const now = new Date();
  await db.insert(sectionReads).values([
    { progressId: progress.id, sectionId: "trust" },
    { progressId: progress.id, sectionId: "friendship" },
  ]);
  const [attempt] = await db
    .insert(quizAttempts)
    .values({
      progressId: progress.id,
      assignmentId: assignment.id,
      userId: learner.id,
      moduleVersionId,
      status: "submitted",
      draw: [{ itemId: "q1", optionIds: ["a", "b"] }],
      passMark: 80,
      score: 90,
      correctCount: 9,
      passed: true,
      submittedAt: now,
    })
    .returning();
  await db.insert(quizResponses).values([
    { attemptId: attempt.id, itemId: "q1", ideaId: "trust", chosenOptionIds: ["a"], correct: true },
    { attemptId: attempt.id, itemId: "q2", ideaId: "friendship", chosenOptionIds: ["b", "c"], correct: false },
  ]);
  const [submitted] = await db
    .insert(reflections)
    .values({
      progressId: progress.id,
      assignmentId: assignment.id,
      userId: learner.id,
      moduleVersionId,
      promptId: "p1",
      body: REFLECTION_TEXT,
      wordCount: 12,
      status: "submitted",
      submittedAt: now,
    })
    .returning();
  await db.insert(reflections).values({
    progressId: progress.id,
    assignmentId: assignment.id,
    userId: learner.id,
    moduleVersionId,
    promptId: "p2",
    body: "a draft in progress",
    wordCount: 4,
  });
  await db.insert(reflectionReviews).values({
    reflectionId: submitted.id,
    reviewerId: instructor.id,
    decision: "revision_requested",
    feedback: "Say more about the boundary.",
  });
  await db
    .update(assignmentProgress)
    .set({
      moduleVersionId,
      sectionsRead: 2,
      attemptsCount: 1,
      bestScore: 90,
      quizPassedAt: now,
      reflectionsSubmitted: 1,
      startedAt: now,
      lastActivityAt: now,
    })
    .where(eq(assignmentProgress.id, progress.id));
  let certificate = null;
  if (opts.complete !== false) {
    await db.update(assignmentProgress).set({ completedAt: now }).where(eq(assignmentProgress.id, progress.id));
    certificate = await issueCertificate(db, progress.id);
  }
  await db.insert(auditLog).values({ actorId: learner.id, actorEmail: learner.email, action: "auth.sign_in", ip: "203.0.113.7" });
  return { learner, instructor, cohort, assignment, progress, attempt, reflection: submitted, certificate };
}
