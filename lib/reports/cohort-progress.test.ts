import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { enrolments } from "@/db/schema";
import { makeUser } from "@/db/test/factories";
import {
  enrol,
  expectNotFound,
  makeAssignment,
  makeAttempt,
  makeCohort,
  makeInstructor,
  makeLearner,
  makeReflection,
  progressOf,
  setProgress,
} from "@/db/test/instructor-factories";
import { setupTestDb } from "@/db/test/test-db";
import { publishBuiltInModules } from "@/lib/learning/module/publish";
import { getCohortSummary, listCohortLearners } from "./cohort-progress";

const t = setupTestDb();

const DAY = 86400_000;
const now = new Date();
const dueAt = new Date(+now + 7 * DAY);
const afterDue = new Date(+dueAt + DAY);
const prompts = ["friendliness-blur", "social-media-request", "personal-boundary-plan"];

/**
 * Five active learners and one removed one, by hand:
 *   Ada  — passed 90, three reflections submitted (one accepted), complete before the due date
 *   Ben  — failed 60 then passed 85, one reflection submitted, one draft
 *   Cy   — failed 50, nothing else
 *   Dee, Eve — not started
 *   Zed  — removed; passed 100 with three reflections awaiting review: counts nowhere
 */
const seeded = {} as {
  instructor: Awaited<ReturnType<typeof makeInstructor>>;
  cohortId: string;
  assignmentId: string;
  ids: Record<string, string>;
};

beforeAll(async () => {
  const { moduleId, versionId } = await publishBuiltInModules();
  const instructor = await makeInstructor();
  const cohort = await makeCohort({ instructorIds: [instructor.id] });
  const ids: Record<string, string> = {};
  for (const name of ["Ada", "Ben", "Cy", "Dee", "Eve", "Zed"]) {
    const u = await makeLearner({ name: `${name} Progress` });
    ids[name] = u.id;
    await enrol(cohort.id, u.id);
  }
  const a = await makeAssignment({ cohortId: cohort.id, moduleId, opensAt: new Date(+now - 7 * DAY), dueAt });
  const p = async (name: string) => (await progressOf(a.id, ids[name])).id;

  await makeAttempt({ progressId: await p("Ada"), moduleVersionId: versionId, score: 90, submittedAt: new Date(+now - 3 * DAY) });
  for (const [i, promptId] of prompts.entries()) {
    await makeReflection({ progressId: await p("Ada"), moduleVersionId: versionId, promptId, status: i === 0 ? "accepted" : "submitted" });
  }
  await setProgress(await p("Ada"), { completedAt: new Date(+now - DAY) });

  await makeAttempt({ progressId: await p("Ben"), moduleVersionId: versionId, score: 60, submittedAt: new Date(+now - 2 * DAY) });
  await makeAttempt({ progressId: await p("Ben"), moduleVersionId: versionId, score: 85, submittedAt: new Date(+now - DAY) });
  await makeReflection({ progressId: await p("Ben"), moduleVersionId: versionId, promptId: prompts[0] });
  await makeReflection({ progressId: await p("Ben"), moduleVersionId: versionId, promptId: prompts[1], status: "draft" });

  await makeAttempt({ progressId: await p("Cy"), moduleVersionId: versionId, score: 50, submittedAt: new Date(+now - DAY) });

  await makeAttempt({ progressId: await p("Zed"), moduleVersionId: versionId, score: 100 });
  for (const promptId of prompts) await makeReflection({ progressId: await p("Zed"), moduleVersionId: versionId, promptId });
  await t.db
    .update(enrolments)
    .set({ status: "removed" })
    .where(and(eq(enrolments.cohortId, cohort.id), eq(enrolments.userId, ids.Zed)));

  Object.assign(seeded, { instructor, cohortId: cohort.id, assignmentId: a.id, ids });
});

describe("cohort summary tiles", () => {
  it("match the hand count before the due date", async () => {
    const s = await getCohortSummary({ actor: seeded.instructor, cohortId: seeded.cohortId, assignmentId: seeded.assignmentId, now });
    expect(s).toEqual({
      enrolled: 5,
      completed: 1,
      completePercent: 20,
      quizTakers: 3,
      quizPassed: 2,
      quizPassRate: 67,
      reflectionsSubmitted: 4,
      awaitingReview: 3,
      overdue: 0,
    });
  });

  it("count everyone not complete as overdue after the due date", async () => {
    const s = await getCohortSummary({
      actor: seeded.instructor,
      cohortId: seeded.cohortId,
      assignmentId: seeded.assignmentId,
      now: afterDue,
    });
    expect(s.overdue).toBe(4);
    expect(s.completed).toBe(1);
  });

  it("are the same for an admin, and a 404 for another instructor or a learner", async () => {
    const admin = await makeUser({ role: "admin" });
    const asAdmin = await getCohortSummary({ actor: admin, cohortId: seeded.cohortId, assignmentId: seeded.assignmentId, now });
    expect(asAdmin.enrolled).toBe(5);
    await expectNotFound(getCohortSummary({ actor: await makeInstructor(), cohortId: seeded.cohortId, assignmentId: seeded.assignmentId }));
    await expectNotFound(getCohortSummary({ actor: await makeLearner(), cohortId: seeded.cohortId, assignmentId: seeded.assignmentId }));
  });
});

describe("learner table", () => {
  const list = (o: Partial<Parameters<typeof listCohortLearners>[0]> = {}) =>
    listCohortLearners({ actor: seeded.instructor, cohortId: seeded.cohortId, assignmentId: seeded.assignmentId, now, ...o });
  const names = (rows: { name: string }[]) => rows.map((r) => r.name.split(" ")[0]);

  it("lists active learners by name with their figures", async () => {
    const r = await list();
    expect(r.total).toBe(5);
    expect(names(r.rows)).toEqual(["Ada", "Ben", "Cy", "Dee", "Eve"]);
    expect(r.rows.map((x) => [x.status, x.bestScore, x.attempts, x.reflections])).toEqual([
      ["complete", 90, 1, 3],
      ["in_progress", 85, 2, 1],
      ["in_progress", 50, 1, 0],
      ["not_started", null, 0, 0],
      ["not_started", null, 0, 0],
    ]);
  });

  it("sorts by an allowlisted column either way, empty values last", async () => {
    expect(names((await list({ sort: "bestScore", dir: "desc" })).rows)).toEqual(["Ada", "Ben", "Cy", "Dee", "Eve"]);
    expect(names((await list({ sort: "bestScore", dir: "asc" })).rows)).toEqual(["Cy", "Ben", "Ada", "Dee", "Eve"]);
    expect(names((await list({ sort: "attempts", dir: "desc" })).rows)[0]).toBe("Ben");
    expect(names((await list({ sort: "status", now: afterDue })).rows)).toEqual(["Ben", "Cy", "Dee", "Eve", "Ada"]);
    await expect(list({ sort: 'name"; drop table users;--' as never })).rejects.toThrow(/Unknown sort/);
  });

  it("filters by status and searches name or email", async () => {
    expect(names((await list({ status: "in_progress" })).rows)).toEqual(["Ben", "Cy"]);
    expect(names((await list({ status: "overdue", now: afterDue })).rows)).toEqual(["Ben", "Cy", "Dee", "Eve"]);
    expect(names((await list({ q: "eve pro" })).rows)).toEqual(["Eve"]);
    expect((await list({ q: "%" })).total).toBe(0);
  });

  it("pages through in SQL", async () => {
    const p3 = await list({ pageSize: 2, page: 3 });
    expect(p3).toMatchObject({ total: 5, pageCount: 3, page: 3 });
    expect(names(p3.rows)).toEqual(["Eve"]);
    const beyond = await list({ pageSize: 2, page: 9 });
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(5);
  });

  it("shows learners with no status while nothing is assigned", async () => {
    const me = await makeInstructor();
    const c = await makeCohort({ instructorIds: [me.id] });
    const l = await makeLearner();
    await enrol(c.id, l.id);
    const r = await listCohortLearners({ actor: me, cohortId: c.id, assignmentId: null });
    expect(r.rows).toMatchObject([{ userId: l.id, status: null, attempts: 0 }]);
    const s = await getCohortSummary({ actor: me, cohortId: c.id, assignmentId: null });
    expect(s).toMatchObject({ enrolled: 1, completePercent: null, awaitingReview: 0 });
  });

  it("cannot read another cohort's rows through an assignment id", async () => {
    const me = await makeInstructor();
    const mine = await makeCohort({ instructorIds: [me.id] });
    const r = await listCohortLearners({ actor: me, cohortId: mine.id, assignmentId: seeded.assignmentId });
    expect(r.total).toBe(0);
    await expectNotFound(listCohortLearners({ actor: me, cohortId: seeded.cohortId, assignmentId: seeded.assignmentId }));
  });
});
