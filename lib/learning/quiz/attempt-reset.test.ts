import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { assignmentProgress, auditLog, quizAttempts } from "@/db/schema";
import {
  enrol,
  expectNotFound,
  makeAssignment,
  makeAttempt,
  makeCohort,
  makeInstructor,
  makeLearner,
  progressOf,
  setProgress,
} from "@/db/test/instructor-factories";
import { setupTestDb } from "@/db/test/test-db";
import { publishBuiltInModules } from "@/lib/learning/module/publish";
import { listLearnerAttempts, resetQuizAttempts } from "./attempt-reset";

const t = setupTestDb();
let moduleId: string;
let versionId: string;
beforeAll(async () => {
  ({ moduleId, versionId } = await publishBuiltInModules());
});

async function learnerWithAttempts(scores: number[]) {
  const instructor = await makeInstructor();
  const cohort = await makeCohort({ instructorIds: [instructor.id] });
  const learner = await makeLearner();
  await enrol(cohort.id, learner.id);
  const a = await makeAssignment({ cohortId: cohort.id, moduleId });
  const progress = await progressOf(a.id, learner.id);
  for (const [i, score] of scores.entries()) {
    await makeAttempt({
      progressId: progress.id,
      moduleVersionId: versionId,
      score,
      submittedAt: new Date(Date.now() - (scores.length - i) * 3600_000),
    });
  }
  return { instructor, cohort, learner, progress: await progressOf(a.id, learner.id) };
}

describe("resetting a learner's quiz attempts", () => {
  it("marks the attempts, keeps them in the history, recomputes the counters and audits, in one go", async () => {
    const { instructor, cohort, progress } = await learnerWithAttempts([40, 85]);
    expect(progress).toMatchObject({ attemptsCount: 2, bestScore: 85 });
    expect(progress.quizPassedAt).not.toBeNull();
    const r = await resetQuizAttempts({
      actor: instructor,
      cohortId: cohort.id,
      progressId: progress.id,
      reason: "Took it with a colleague's help",
    });
    expect(r.resetCount).toBe(2);
    const [after] = await t.db.select().from(assignmentProgress).where(eq(assignmentProgress.id, progress.id));
    expect(after).toMatchObject({ attemptsCount: 0, bestScore: null, quizPassedAt: null });
    const history = await listLearnerAttempts({ actor: instructor, cohortId: cohort.id, progressId: progress.id });
    expect(
      history.map((h) => h.score),
      "oldest first",
    ).toEqual([40, 85]);
    for (const h of history) expect(h).toMatchObject({ resetReason: "Took it with a colleague's help", resetByName: instructor.name });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, progress.id));
    expect(entry).toMatchObject({ action: "attempt.reset", actorId: instructor.id });
    expect(entry.details).toMatchObject({ reason: "Took it with a colleague's help", attemptIds: expect.any(Array) });
  });

  it("counts attempts made after the reset, and leaves an open attempt and completion alone", async () => {
    const { instructor, cohort, progress } = await learnerWithAttempts([95]);
    const completedAt = new Date(Date.now() - 60_000);
    await setProgress(progress.id, { completedAt });
    const open = await makeAttempt({ progressId: progress.id, moduleVersionId: versionId, score: 0, status: "in_progress" });
    await resetQuizAttempts({ actor: instructor, cohortId: cohort.id, progressId: progress.id, reason: "Retake for practice" });
    const [openAfter] = await t.db.select().from(quizAttempts).where(eq(quizAttempts.id, open.id));
    expect(openAfter.resetAt).toBeNull();
    await t.db.update(quizAttempts).set({ status: "submitted" }).where(eq(quizAttempts.id, open.id));
    await makeAttempt({ progressId: progress.id, moduleVersionId: versionId, score: 70 });
    const [p] = await t.db.select().from(assignmentProgress).where(eq(assignmentProgress.id, progress.id));
    expect(p.completedAt?.toISOString()).toBe(completedAt.toISOString());
    // after a second reset only the attempts that still counted are touched
    const r = await resetQuizAttempts({ actor: instructor, cohortId: cohort.id, progressId: progress.id, reason: "Again" });
    expect(r.resetCount).toBe(2);
    expect(r.progress).toMatchObject({ attemptsCount: 0, bestScore: null, quizPassedAt: null });
    expect(r.progress.completedAt?.toISOString()).toBe(completedAt.toISOString());
  });

  it("needs a reason, and something to reset", async () => {
    const { instructor, cohort, progress } = await learnerWithAttempts([50]);
    await expect(resetQuizAttempts({ actor: instructor, cohortId: cohort.id, progressId: progress.id, reason: " " })).rejects.toMatchObject(
      {
        fieldErrors: { reason: expect.stringMatching(/Give a reason/) },
      },
    );
    await resetQuizAttempts({ actor: instructor, cohortId: cohort.id, progressId: progress.id, reason: "Fresh start" });
    await expect(
      resetQuizAttempts({ actor: instructor, cohortId: cohort.id, progressId: progress.id, reason: "Fresh start" }),
    ).rejects.toThrow(/no submitted attempts/);
  });

  it("answers 404 for another instructor's learner, even through the instructor's own cohort id, and changes nothing", async () => {
    const { cohort, progress } = await learnerWithAttempts([50]);
    const stranger = await makeInstructor();
    const own = await makeCohort({ instructorIds: [stranger.id] });
    await expectNotFound(resetQuizAttempts({ actor: stranger, cohortId: cohort.id, progressId: progress.id, reason: "Nope nope" }));
    await expectNotFound(resetQuizAttempts({ actor: stranger, cohortId: own.id, progressId: progress.id, reason: "Nope nope" }));
    await expectNotFound(
      resetQuizAttempts({ actor: await makeLearner(), cohortId: cohort.id, progressId: progress.id, reason: "Nope nope" }),
    );
    await expectNotFound(listLearnerAttempts({ actor: stranger, cohortId: cohort.id, progressId: progress.id }));
    const rows = await t.db.select().from(quizAttempts).where(eq(quizAttempts.progressId, progress.id));
    expect(rows.every((r) => r.resetAt === null)).toBe(true);
    const [p] = await t.db.select().from(assignmentProgress).where(eq(assignmentProgress.id, progress.id));
    expect(p.attemptsCount).toBe(1);
  });
});
