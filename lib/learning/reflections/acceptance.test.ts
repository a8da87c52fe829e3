import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignments, certificates, cohortInstructors, quizAttempts, reflectionReviews, reflections } from "@/db/schema";
import { execRows } from "@/db/client";
import { makeAssignment, makeLearnerOn, progressRow, words } from "@/db/test/learner-factories";
import { makeUser } from "@/db/test/factories";
import { boundariesV1 } from "@/db/test/v1-content";
import { setupTestDb } from "@/db/test/test-db";
import { boundariesModule } from "@/lib/learning/module/boundaries";
import { getModuleVersion, publishBuiltInModules, publishModule } from "@/lib/learning/module/publish";
import { assignModule } from "@/lib/cohorts/assignments";
import { makeCohort, makeInstructor } from "@/db/test/instructor-factories";
import { answersWithCorrect } from "@/lib/learning/quiz/answer-key";
import { startAttempt, submitAttempt } from "@/lib/learning/quiz/attempts";
import { getLearnerAssignment } from "@/lib/learning/page-data";
import { listLearnerAssignments } from "@/lib/learning/home";
import { reviewReflection } from "@/lib/learning/reviews";
import { getRubricInsights } from "@/lib/reports/rubric-insights";
import { submitReflection } from "./drafts";
import { checkRubricScores } from "./rubric";
import type { Actor } from "@/lib/cohorts/cohorts";

const t = setupTestDb();
const PROMPTS = boundariesModule.reflections.map((r) => r.id);
const LONG = words(80);
const PASSING = { situation: 2, reasoning: 2, words: 1, support: 1, privacy: 1 }; // 7 of 10, no 0 in reasoning or privacy

type Learner = { id: string; role: "learner" };

async function passQuiz(learner: Learner, progressId: string) {
  const { attemptId } = await startAttempt({ learner, progressId });
  const [a] = await t.db.select().from(quizAttempts).where(eq(quizAttempts.id, attemptId));
  const v = await getModuleVersion(a.moduleVersionId);
  return submitAttempt({ learner, attemptId, answers: answersWithCorrect(v!.content, a.draw, v!.content.drawCount) });
}

async function reflectionOf(progressId: string, promptId: string) {
  const [r] = await t.db
    .select()
    .from(reflections)
    .where(and(eq(reflections.progressId, progressId), eq(reflections.promptId, promptId)));
  return r;
}

const certificatesOf = (progressId: string) => t.db.select().from(certificates).where(eq(certificates.progressId, progressId));

/** An assignment with an instructor, and a learner who passed the quiz and submitted every reflection. */
async function submittedAll(opts: { reflectionsMustBeAccepted: boolean; moduleId?: string; prompts?: string[] }) {
  const instructor = await makeUser({ role: "instructor" });
  const { assignment, cohort } = await makeAssignment({ ...opts, instructorId: instructor.id });
  const { learner, progressId } = await makeLearnerOn(assignment);
  await passQuiz(learner, progressId);
  const results = [];
  for (const promptId of opts.prompts ?? PROMPTS)
    results.push(await submitReflection({ learner, progressId, promptId, body: LONG, baseVersion: 0 }));
  return { instructor, learner, progressId, assignment, cohort, last: results[results.length - 1] };
}

async function accept(instructor: Actor, progressId: string, promptId: string, scores = PASSING) {
  const r = await reflectionOf(progressId, promptId);
  return reviewReflection({ actor: instructor, reflectionId: r.id, decision: "accepted", version: r.version, scores });
}

describe("reflections must be accepted", () => {
  it("is on for a new assignment by default; the migration left assignments made before it off", async () => {
    const [def] = await execRows<{ d: string }>(
      t.db,
      sql`select column_default as d from information_schema.columns where table_name = 'assignments' and column_name = 'reflections_must_be_accepted'`,
    );
    expect(def.d).toBe("true");
    // assigning through lib: on unless the form's box was unticked
    const { moduleId } = await publishBuiltInModules();
    const instructor = await makeInstructor();
    const actor = { id: instructor.id, role: "instructor" as const, email: instructor.email };
    const dates = { opensAt: new Date(Date.now() - 86_400_000).toISOString(), dueAt: new Date(Date.now() + 86_400_000).toISOString() };
    const on = await assignModule({ actor, cohortId: (await makeCohort({ instructorIds: [instructor.id] })).id, moduleId, ...dates });
    expect(on.reflectionsMustBeAccepted).toBe(true);
    const ticked = await assignModule({
      actor,
      cohortId: (await makeCohort({ instructorIds: [instructor.id] })).id,
      moduleId,
      ...dates,
      reflectionsMustBeAccepted: "on",
    });
    expect(ticked.reflectionsMustBeAccepted).toBe(true);
    const unticked = await assignModule({
      actor,
      cohortId: (await makeCohort({ instructorIds: [instructor.id] })).id,
      moduleId,
      ...dates,
      reflectionsMustBeAccepted: "",
    });
    expect(unticked.reflectionsMustBeAccepted).toBe(false);
  });

  it("holds completion at the last submission, shows what is pending, and completes with one certificate at the last acceptance", async () => {
    const { instructor, learner, progressId, last } = await submittedAll({ reflectionsMustBeAccepted: true });
    expect(last).toMatchObject({ completed: false, certificateId: null });
    expect((await progressRow(progressId)).completedAt).toBeNull();
    expect(await certificatesOf(progressId)).toHaveLength(0);

    // the learner waits: the home card and the assignment page say so, and what for
    const [home] = await listLearnerAssignments({ userId: learner.id });
    expect(home).toMatchObject({ awaitingReview: true, reviewsWaiting: 3, next: { label: "Awaiting review" } });
    expect((await getLearnerAssignment({ learner, progressId })).awaitingReview).toEqual({
      waiting: [1, 2, 3],
      revise: [],
      accepted: [],
      notSubmitted: [],
    });

    // a revision request says what to change, and the learner sees it as pending
    const r2 = await reflectionOf(progressId, PROMPTS[1]);
    await expect(
      reviewReflection({ actor: instructor, reflectionId: r2.id, decision: "revision_requested", feedback: "", version: r2.version }),
    ).rejects.toMatchObject({ code: "invalid", fieldErrors: { feedback: expect.stringMatching(/Say what to revise/) } });
    await reviewReflection({
      actor: instructor,
      reflectionId: r2.id,
      decision: "revision_requested",
      feedback: "Add the words you would say to them.",
      version: r2.version,
    });
    expect(await accept(instructor, progressId, PROMPTS[0])).toMatchObject({ completed: false });
    expect(await accept(instructor, progressId, PROMPTS[2])).toMatchObject({ completed: false });
    expect((await getLearnerAssignment({ learner, progressId })).awaitingReview).toMatchObject({
      waiting: [],
      revise: [2],
      accepted: [1, 3],
    });
    expect((await listLearnerAssignments({ userId: learner.id }))[0].next.label).toBe("Revise your reflection");

    // resubmitted: still waiting; accepted: complete, with the certificate, in that transaction
    const resubmitted = await submitReflection({
      learner,
      progressId,
      promptId: PROMPTS[1],
      body: `${LONG} more`,
      baseVersion: r2.version,
    });
    expect(resubmitted.completed).toBe(false);
    const at = new Date(Date.now() + 1000);
    const r2b = await reflectionOf(progressId, PROMPTS[1]);
    const done = await reviewReflection({
      actor: instructor,
      reflectionId: r2b.id,
      decision: "accepted",
      version: r2b.version,
      scores: PASSING,
      now: at,
    });
    expect(done.completed).toBe(true);
    const certs = await certificatesOf(progressId);
    expect(certs).toHaveLength(1);
    expect(done.certificateId).toBe(certs[0].id);
    expect((await progressRow(progressId)).completedAt?.getTime()).toBe(at.getTime());
    expect(certs[0].completedAt.getTime()).toBe(at.getTime());
    expect((await getLearnerAssignment({ learner, progressId })).awaitingReview).toBeNull();
    const [home2] = await listLearnerAssignments({ userId: learner.id });
    expect(home2).toMatchObject({ awaitingReview: false, next: { label: "View your certificate" } });
  });

  it("completes when the quiz is passed last, after every reflection was accepted", async () => {
    const instructor = await makeUser({ role: "instructor" });
    const { assignment } = await makeAssignment({ reflectionsMustBeAccepted: true, instructorId: instructor.id });
    const { learner, progressId } = await makeLearnerOn(assignment);
    for (const promptId of PROMPTS) await submitReflection({ learner, progressId, promptId, body: LONG, baseVersion: 0 });
    for (const promptId of PROMPTS) expect(await accept(instructor, progressId, promptId)).toMatchObject({ completed: false });
    const passed = await passQuiz(learner, progressId);
    expect(passed).toMatchObject({ completed: true });
    expect(await certificatesOf(progressId)).toHaveLength(1);
  });

  it("concurrent acceptances of the last two reflections complete once, with one certificate", async () => {
    for (let round = 0; round < 3; round++) {
      const { instructor, cohort, progressId } = await submittedAll({ reflectionsMustBeAccepted: true });
      const co = await makeUser({ role: "instructor" });
      await t.db.insert(cohortInstructors).values({ cohortId: cohort.id, userId: co.id });
      await accept(instructor, progressId, PROMPTS[0]);
      const [a, b] = await Promise.all([accept(instructor, progressId, PROMPTS[1]), accept(co, progressId, PROMPTS[2])]);
      expect([a.completed, b.completed].filter(Boolean)).toHaveLength(1);
      const certs = await certificatesOf(progressId);
      expect(certs).toHaveLength(1);
      expect([a.certificateId, b.certificateId].filter(Boolean)).toEqual([certs[0].id]);
      expect((await progressRow(progressId)).completedAt).not.toBeNull();
    }
  });

  it("refuses an acceptance that breaks the rubric rule, with a clear message, and changes nothing", async () => {
    const { instructor, progressId } = await submittedAll({ reflectionsMustBeAccepted: true });
    const r = await reflectionOf(progressId, PROMPTS[0]);
    const tryAccept = (scores: Record<string, number> | undefined) =>
      reviewReflection({ actor: instructor, reflectionId: r.id, decision: "accepted", version: r.version, scores });
    // 6 of 10
    await expect(tryAccept({ situation: 2, reasoning: 1, words: 1, support: 1, privacy: 1 })).rejects.toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/accepted at 7 of 10 points; this one has 6/),
    });
    // 8 of 10 but a 0 in privacy
    await expect(tryAccept({ situation: 2, reasoning: 2, words: 2, support: 2, privacy: 0 })).rejects.toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/0 in "Professional writing with no identifying details" cannot be accepted/),
    });
    // a 0 in reasoning
    await expect(tryAccept({ situation: 2, reasoning: 0, words: 2, support: 2, privacy: 2 })).rejects.toMatchObject({
      message: expect.stringMatching(/0 in "Reasoning about the risk"/),
    });
    // not scored, a criterion missing, a score out of range, an unknown criterion
    await expect(tryAccept(undefined)).rejects.toMatchObject({ code: "invalid", message: expect.stringMatching(/Score every criterion/) });
    await expect(tryAccept({ situation: 2, reasoning: 2, words: 2, support: 2 })).rejects.toMatchObject({ code: "invalid" });
    await expect(tryAccept({ ...PASSING, words: 3 })).rejects.toMatchObject({ message: "Each criterion scores 0, 1 or 2." });
    await expect(tryAccept({ ...PASSING, spelling: 2 })).rejects.toMatchObject({ code: "invalid" });
    expect((await reflectionOf(progressId, PROMPTS[0])).status).toBe("submitted");
    expect(await t.db.select().from(reflectionReviews).where(eq(reflectionReviews.reflectionId, r.id))).toHaveLength(0);

    // exactly at the rule it is accepted, and the scores are stored with the review
    await tryAccept(PASSING);
    const [review] = await t.db.select().from(reflectionReviews).where(eq(reflectionReviews.reflectionId, r.id));
    expect(review.scores).toEqual(PASSING);
  });

  it("checks scores the same way outside a review (what the review page uses)", () => {
    const rubric = boundariesModule.reflectionRubric!;
    expect(checkRubricScores(rubric, PASSING, "accepted")).toEqual(PASSING);
    expect(checkRubricScores(rubric, undefined, "revision_requested")).toBeNull();
    expect(() => checkRubricScores(rubric, { situation: 1 }, "revision_requested")).toThrow(/Score every criterion, or none/);
  });

  it("averages the latest scored review of each reflection per criterion for cohort insights", async () => {
    const { instructor, progressId, cohort, assignment } = await submittedAll({ reflectionsMustBeAccepted: true });
    const r1 = await reflectionOf(progressId, PROMPTS[0]);
    // a revision first (scored), then the resubmission accepted: only the latest counts
    await reviewReflection({
      actor: instructor,
      reflectionId: r1.id,
      decision: "revision_requested",
      feedback: "More on the risk.",
      version: r1.version,
      scores: { situation: 0, reasoning: 0, words: 0, support: 0, privacy: 0 },
    });
    await t.db
      .update(reflections)
      .set({ status: "submitted", version: r1.version + 1 })
      .where(eq(reflections.id, r1.id));
    await reviewReflection({
      actor: instructor,
      reflectionId: r1.id,
      decision: "accepted",
      version: r1.version + 1,
      scores: { situation: 2, reasoning: 2, words: 2, support: 2, privacy: 2 },
      now: new Date(Date.now() + 1000),
    });
    await accept(instructor, progressId, PROMPTS[1], { situation: 1, reasoning: 1, words: 2, support: 2, privacy: 1 });
    const insights = await getRubricInsights({ actor: instructor, cohortId: cohort.id, assignmentId: assignment.id });
    expect(insights).toMatchObject({ scored: 2, max: 10, acceptAt: 7, averageTotal: 8.5 });
    expect(Object.fromEntries(insights!.criteria.map((c) => [c.id, c.average]))).toEqual({
      situation: 1.5,
      reasoning: 1.5,
      words: 2,
      support: 2,
      privacy: 1.5,
    });
  });
});

describe("when reflections need not be accepted (assignments made before the setting, or turned off)", () => {
  it("completes at the last submission as before; a later acceptance issues no second certificate", async () => {
    const { instructor, progressId, last } = await submittedAll({ reflectionsMustBeAccepted: false });
    expect(last.completed).toBe(true);
    expect(await certificatesOf(progressId)).toHaveLength(1);
    for (const p of PROMPTS) expect(await accept(instructor, progressId, p)).toMatchObject({ completed: false, certificateId: null });
    expect(await certificatesOf(progressId)).toHaveLength(1);
  });

  it("leaves version 1 content (no rubric) alone: completes on submission, accepts without scores", async () => {
    const v1 = await publishModule({ ...structuredClone(boundariesV1), slug: `boundaries-v1-${Date.now().toString(36)}` });
    expect(boundariesV1.reflectionRubric).toBeUndefined();
    const prompts = boundariesV1.reflections.map((r) => r.id);
    const { instructor, progressId, last, assignment } = await submittedAll({
      reflectionsMustBeAccepted: false,
      moduleId: v1.moduleId,
      prompts,
    });
    const [row] = await t.db.select().from(assignments).where(eq(assignments.id, assignment.id));
    expect(row.reflectionsMustBeAccepted).toBe(false);
    expect(last.completed).toBe(true);
    const r = await reflectionOf(progressId, prompts[0]);
    await reviewReflection({ actor: instructor, reflectionId: r.id, decision: "accepted", version: r.version });
    expect((await reflectionOf(progressId, prompts[0])).status).toBe("accepted");
    expect(await certificatesOf(progressId)).toHaveLength(1);
  });
});
