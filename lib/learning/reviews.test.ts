import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, cohortInstructors, reflectionReviews, reflections } from "@/db/schema";
import { makeUser } from "@/db/test/factories";
import {
  enrol,
  expectNotFound,
  makeAssignment,
  makeCohort,
  makeInstructor,
  makeLearner,
  makeReflection,
  progressOf,
} from "@/db/test/instructor-factories";
import { setupTestDb } from "@/db/test/test-db";
import { publishBuiltInModules } from "@/lib/learning/module/publish";
import { getReflectionForReview, listReviewQueue, reviewReflection } from "./reviews";

const t = setupTestDb();
// 7 of 10 with no 0 in reasoning or privacy: what the module's rubric needs for an acceptance
const PASSING = { situation: 2, reasoning: 2, words: 1, support: 1, privacy: 1 };
let moduleId: string;
let versionId: string;
beforeAll(async () => {
  ({ moduleId, versionId } = await publishBuiltInModules());
});

async function cohortWithLearner() {
  const instructor = await makeInstructor();
  const cohort = await makeCohort({ instructorIds: [instructor.id] });
  const learner = await makeLearner();
  await enrol(cohort.id, learner.id);
  const a = await makeAssignment({ cohortId: cohort.id, moduleId });
  const progress = await progressOf(a.id, learner.id);
  return { instructor, cohort, learner, progress };
}

describe("review queue", () => {
  it("lists submitted reflections of the instructor's cohorts, oldest first", async () => {
    const one = await cohortWithLearner();
    const other = await cohortWithLearner();
    const newer = await makeReflection({
      progressId: one.progress.id,
      moduleVersionId: versionId,
      promptId: "friendliness-blur",
      submittedAt: new Date(Date.now() - 1000),
    });
    const older = await makeReflection({
      progressId: one.progress.id,
      moduleVersionId: versionId,
      promptId: "social-media-request",
      submittedAt: new Date(Date.now() - 86400_000),
    });
    await makeReflection({ progressId: one.progress.id, moduleVersionId: versionId, promptId: "personal-boundary-plan", status: "draft" });
    await makeReflection({ progressId: other.progress.id, moduleVersionId: versionId, promptId: "friendliness-blur" });
    const q = await listReviewQueue({ actor: one.instructor });
    expect(q.rows.map((r) => r.reflectionId)).toEqual([older.id, newer.id]);
    expect(q.rows[0]).toMatchObject({ cohortName: one.cohort.name, promptNumber: 2, prompt: expect.stringMatching(/social media/) });
    expect(q.total).toBe(2);
  });

  it("is for instructors only", async () => {
    await expectNotFound(listReviewQueue({ actor: await makeUser({ role: "admin" }) }));
    await expectNotFound(listReviewQueue({ actor: await makeLearner() }));
  });
});

describe("reviewing a reflection", () => {
  it("requests a revision: status, review row with reviewer and time, audit entry", async () => {
    const { instructor, progress } = await cohortWithLearner();
    const r = await makeReflection({ progressId: progress.id, moduleVersionId: versionId, promptId: "friendliness-blur", version: 4 });
    const read = await getReflectionForReview({ actor: instructor, reflectionId: r.id });
    expect(read.body).toBe(r.body);
    expect(read.prompt).toMatch(/friendly could blur a boundary/);
    const before = Date.now();
    await reviewReflection({
      actor: instructor,
      reflectionId: r.id,
      decision: "revision_requested",
      feedback: "Say more about what you would do next.",
      version: 4,
    });
    const [row] = await t.db.select().from(reflections).where(eq(reflections.id, r.id));
    expect(row.status).toBe("revision_requested");
    const [review] = await t.db.select().from(reflectionReviews).where(eq(reflectionReviews.reflectionId, r.id));
    expect(review).toMatchObject({
      reviewerId: instructor.id,
      decision: "revision_requested",
      feedback: "Say more about what you would do next.",
    });
    expect(review.createdAt.getTime()).toBeGreaterThanOrEqual(before - 5000);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, r.id));
    expect(entry).toMatchObject({ action: "reflection.review", actorId: instructor.id });
    // the audit entry keeps neither the reflection nor the feedback
    expect(JSON.stringify(entry.details)).not.toContain("Say more");
    expect(JSON.stringify(entry.details)).not.toContain(r.body.slice(0, 20));
    // it has left the queue
    expect((await listReviewQueue({ actor: instructor })).rows.map((x) => x.reflectionId)).not.toContain(r.id);
  });

  it("accepts, with or without feedback; a revision request needs feedback", async () => {
    const { instructor, progress } = await cohortWithLearner();
    const r = await makeReflection({ progressId: progress.id, moduleVersionId: versionId, promptId: "friendliness-blur" });
    await expect(
      reviewReflection({ actor: instructor, reflectionId: r.id, decision: "revision_requested", feedback: "  ", version: 1 }),
    ).rejects.toMatchObject({
      fieldErrors: { feedback: expect.stringMatching(/Say what to revise/) },
    });
    await reviewReflection({ actor: instructor, reflectionId: r.id, decision: "accepted", version: 1, scores: PASSING });
    const [row] = await t.db.select().from(reflections).where(eq(reflections.id, r.id));
    expect(row.status).toBe("accepted");
  });

  it("refuses a stale second review clearly and changes nothing", async () => {
    const { instructor, cohort, progress } = await cohortWithLearner();
    const co = await makeInstructor();
    await t.db.insert(cohortInstructors).values({ cohortId: cohort.id, userId: co.id });
    const r = await makeReflection({ progressId: progress.id, moduleVersionId: versionId, promptId: "friendliness-blur", version: 2 });
    // both opened version 2; the first review wins
    await reviewReflection({ actor: instructor, reflectionId: r.id, decision: "accepted", version: 2, scores: PASSING });
    await expect(
      reviewReflection({ actor: co, reflectionId: r.id, decision: "revision_requested", feedback: "More please", version: 2 }),
    ).rejects.toThrow(/changed after you opened it/);
    // the learner resubmits (a newer version); a review naming the old version is refused too
    await t.db.update(reflections).set({ status: "submitted", version: 3 }).where(eq(reflections.id, r.id));
    await expect(reviewReflection({ actor: co, reflectionId: r.id, decision: "accepted", version: 2, scores: PASSING })).rejects.toThrow(
      /changed after you opened it/,
    );
    expect(await t.db.select().from(reflectionReviews).where(eq(reflectionReviews.reflectionId, r.id))).toHaveLength(1);
    // two reviews at the same moment: one wins
    const results = await Promise.allSettled([
      reviewReflection({ actor: instructor, reflectionId: r.id, decision: "accepted", version: 3, scores: PASSING }),
      reviewReflection({ actor: co, reflectionId: r.id, decision: "revision_requested", feedback: "x", version: 3 }),
    ]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.select().from(reflectionReviews).where(eq(reflectionReviews.reflectionId, r.id))).toHaveLength(2);
  });

  it("answers 404 to other instructors, admins and learners, and for drafts", async () => {
    const { progress, learner } = await cohortWithLearner();
    const r = await makeReflection({ progressId: progress.id, moduleVersionId: versionId, promptId: "friendliness-blur" });
    const draft = await makeReflection({
      progressId: progress.id,
      moduleVersionId: versionId,
      promptId: "social-media-request",
      status: "draft",
    });
    const stranger = await makeInstructor();
    const admin = await makeUser({ role: "admin" });
    for (const actor of [stranger, admin, learner]) {
      await expectNotFound(getReflectionForReview({ actor, reflectionId: r.id }));
      await expectNotFound(reviewReflection({ actor, reflectionId: r.id, decision: "accepted", version: 1, scores: PASSING }));
    }
    await expectNotFound(getReflectionForReview({ actor: stranger, reflectionId: "not-a-uuid" }));
    const { instructor } = await cohortWithLearner();
    await expectNotFound(getReflectionForReview({ actor: instructor, reflectionId: draft.id }));
    const [row] = await t.db.select().from(reflections).where(eq(reflections.id, r.id));
    expect(row.status).toBe("submitted");
    expect(await t.db.select().from(reflectionReviews).where(eq(reflectionReviews.reflectionId, r.id))).toHaveLength(0);
  });
});
