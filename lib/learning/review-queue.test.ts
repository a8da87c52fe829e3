/**
 * The review queue's filters and "review next" (issue 15, item 4): by cohort
 * and by learner, in SQL, only ever within the cohorts the instructor
 * teaches; next is the oldest still waiting in the same filter.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { enrol, makeAssignment, makeCohort, makeInstructor, makeLearner, makeReflection, progressOf } from "@/db/test/instructor-factories";
import { setupTestDb } from "@/db/test/test-db";
import { publishBuiltInModules } from "@/lib/learning/module/publish";
import { countReviewWaiting, listReviewFilterOptions, listReviewQueue, nextReflectionToReview, reviewFilterOf } from "./reviews";

setupTestDb();
const prompts = ["friendliness-blur", "social-media-request", "personal-boundary-plan"];
const s = {} as {
  instructor: { id: string; role: "instructor"; email: string };
  other: { id: string; role: "instructor"; email: string };
  cohortA: string;
  cohortB: string;
  ann: string;
  bob: string;
  ids: Record<string, string>;
};

beforeAll(async () => {
  const { moduleId, versionId } = await publishBuiltInModules();
  const instructor = (await makeInstructor()) as typeof s.instructor;
  const other = (await makeInstructor({ name: "Other" })) as typeof s.other;
  const a = await makeCohort({ instructorIds: [instructor.id], name: "Alpha" });
  const b = await makeCohort({ instructorIds: [instructor.id], name: "Beta" });
  const ann = await makeLearner({ name: "Ann Queue" });
  const bob = await makeLearner({ name: "Bob Queue" });
  const cat = await makeLearner({ name: "Cat Queue" });
  await enrol(a.id, ann.id);
  await enrol(a.id, bob.id);
  await enrol(b.id, cat.id);
  const aa = await makeAssignment({ cohortId: a.id, moduleId });
  const ba = await makeAssignment({ cohortId: b.id, moduleId });
  const ids: Record<string, string> = {};
  const t0 = Date.now() - 3600_000;
  let i = 0;
  const submit = async (key: string, assignmentId: string, userId: string, promptId: string) => {
    const p = await progressOf(assignmentId, userId);
    ids[key] = (
      await makeReflection({ progressId: p.id, moduleVersionId: versionId, promptId, submittedAt: new Date(t0 + i++ * 60_000) })
    ).id;
  };
  await submit("ann1", aa.id, ann.id, prompts[0]);
  await submit("cat1", ba.id, cat.id, prompts[0]);
  await submit("bob1", aa.id, bob.id, prompts[0]);
  await submit("ann2", aa.id, ann.id, prompts[1]);
  Object.assign(s, { instructor, other, cohortA: a.id, cohortB: b.id, ann: ann.id, bob: bob.id, ids });
});

describe("the review queue", () => {
  it("filters by cohort and by learner, with the waiting count", async () => {
    const all = await listReviewQueue({ actor: s.instructor });
    expect(all.rows.map((r) => r.reflectionId)).toEqual([s.ids.ann1, s.ids.cat1, s.ids.bob1, s.ids.ann2]);
    const alpha = await listReviewQueue({ actor: s.instructor, filter: { cohortId: s.cohortA } });
    expect(alpha.rows.map((r) => r.reflectionId)).toEqual([s.ids.ann1, s.ids.bob1, s.ids.ann2]);
    expect(alpha.total).toBe(3);
    const annOnly = await listReviewQueue({ actor: s.instructor, filter: { cohortId: s.cohortA, learnerId: s.ann } });
    expect(annOnly.rows.map((r) => r.reflectionId)).toEqual([s.ids.ann1, s.ids.ann2]);
    expect(await countReviewWaiting({ actor: s.instructor, filter: { learnerId: s.ann } })).toBe(2);
    const options = await listReviewFilterOptions({ actor: s.instructor, cohortId: s.cohortA });
    expect(options.cohorts.map((c) => [c.name, c.waiting])).toEqual([
      ["Alpha", 3],
      ["Beta", 1],
    ]);
    expect(options.learners.map((l) => [l.name, l.waiting])).toEqual([
      ["Ann Queue", 2],
      ["Bob Queue", 1],
    ]);
  });

  it("goes on to the next one waiting in the same filter, and says when none are left", async () => {
    expect(await nextReflectionToReview({ actor: s.instructor, filter: { cohortId: s.cohortA }, exclude: s.ids.ann1 })).toBe(s.ids.bob1);
    expect(await nextReflectionToReview({ actor: s.instructor, filter: { learnerId: s.ann }, exclude: s.ids.ann1 })).toBe(s.ids.ann2);
    expect(await nextReflectionToReview({ actor: s.instructor, filter: { cohortId: s.cohortB }, exclude: s.ids.cat1 })).toBeNull();
  });

  it("never shows another instructor's cohorts, whatever the filter says", async () => {
    expect((await listReviewQueue({ actor: s.other, filter: { cohortId: s.cohortA } })).rows).toEqual([]);
    expect(await nextReflectionToReview({ actor: s.other, filter: { cohortId: s.cohortA } })).toBeNull();
    expect(await countReviewWaiting({ actor: s.other, filter: { learnerId: s.ann } })).toBe(0);
    const options = await listReviewFilterOptions({ actor: s.other, cohortId: s.cohortA });
    expect(options).toEqual({ cohorts: [], learners: [] });
    // a malformed filter is ignored, not an error
    expect(reviewFilterOf({ cohort: "x'; drop table users;--", learner: "1" })).toEqual({ cohortId: undefined, learnerId: undefined });
  });
});
