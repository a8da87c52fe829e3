import { eq, and } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { enrolments } from "@/db/schema";
import { getDb } from "@/db/client";
import { makeUser } from "@/db/test/factories";
import { enrol, makeAssignment, makeCohort, makeInstructor, makeLearner, makeReflection, progressOf } from "@/db/test/instructor-factories";
import { setupTestDb } from "@/db/test/test-db";
import { publishBuiltInModules } from "@/lib/learning/module/publish";
import { countReviewsWaiting } from "./review-count";

setupTestDb();
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

describe("countReviewsWaiting (the count on the header's Reviews)", () => {
  it("counts the submitted reflections of the instructor's own cohorts, of enrolled learners only; admins see every cohort's", async () => {
    const admin = await makeUser({ role: "admin" });
    const before = await countReviewsWaiting({ actor: admin });
    const one = await cohortWithLearner();
    const other = await cohortWithLearner();
    const reflect = (progressId: string, promptId: string, status: "draft" | "submitted" | "accepted" = "submitted") =>
      makeReflection({ progressId, moduleVersionId: versionId, promptId, status });
    await reflect(one.progress.id, "friendliness-blur");
    await reflect(one.progress.id, "social-media-request");
    await reflect(one.progress.id, "personal-boundary-plan", "draft");
    await reflect(other.progress.id, "friendliness-blur");
    await reflect(other.progress.id, "social-media-request", "accepted");

    expect(await countReviewsWaiting({ actor: one.instructor })).toBe(2);
    expect(await countReviewsWaiting({ actor: other.instructor })).toBe(1);
    expect(await countReviewsWaiting({ actor: admin })).toBe(before + 3);
    expect(await countReviewsWaiting({ actor: one.learner })).toBe(0);

    // a learner removed from the cohort drops out of the queue, and of the count
    await getDb()
      .update(enrolments)
      .set({ status: "removed", removedAt: new Date() })
      .where(and(eq(enrolments.cohortId, one.cohort.id), eq(enrolments.userId, one.learner.id)));
    expect(await countReviewsWaiting({ actor: one.instructor })).toBe(0);
  });

  it("adds up every cohort an instructor teaches, shared cohorts included, each reflection once", async () => {
    const instructor = await makeInstructor();
    const colleague = await makeInstructor();
    for (const instructorIds of [[instructor.id], [instructor.id, colleague.id], [colleague.id]]) {
      const cohort = await makeCohort({ instructorIds });
      const learner = await makeLearner();
      await enrol(cohort.id, learner.id);
      const a = await makeAssignment({ cohortId: cohort.id, moduleId });
      const progress = await progressOf(a.id, learner.id);
      await makeReflection({ progressId: progress.id, moduleVersionId: versionId, promptId: "friendliness-blur", status: "submitted" });
    }
    expect(await countReviewsWaiting({ actor: instructor })).toBe(2);
    expect(await countReviewsWaiting({ actor: colleague })).toBe(2);
  });
});
