/**
 * What the weekly emails say, worked out at send time: an instructor's digest
 * per cohort (completion, the learners overdue by name, reflections waiting
 * and the oldest wait) and an admin's organization summary (completion,
 * overdue, waiting reviews by instructor). Counts are those of the cohort
 * page and the review queue: learners still enrolled, active cohorts.
 *
 * The tests share one database and run in order: the organization summary
 * comes first, while the organization holds only its own data.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import type { OutboxMessage } from "@/db/schema";
import {
  enrol,
  makeAssignment,
  makeCohort,
  makeInstructor,
  makeLearner,
  makeReflection,
  progressOf,
  setProgress,
} from "@/db/test/instructor-factories";
import { makeModule } from "@/db/test/admin-factories";
import { setupTestDb } from "@/db/test/test-db";
import { publishBuiltInModules } from "@/lib/learning/module/publish";
import { compose, DIGEST_NAMES } from "./compose";

setupTestDb();

const DAY = 86_400_000;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY);
let moduleId: string;
let versionId: string;

beforeAll(async () => {
  ({ moduleId, versionId } = await publishBuiltInModules(getDb()));
});

const message = (kind: "weekly_digest" | "org_summary", subjectId: string | null) =>
  ({ kind, subjectId, payload: {} }) as unknown as OutboxMessage;

/** A cohort whose assignment was due yesterday, with learners in the given states. */
async function cohortWith(instructorName: string, learners: { name: string; state: "complete" | "late" | "extended" | "removed" }[]) {
  const instructor = await makeInstructor({ name: instructorName });
  const cohort = await makeCohort({ instructorIds: [instructor.id], name: `${instructorName}'s cohort` });
  const assignment = await makeAssignment({ cohortId: cohort.id, moduleId, opensAt: ago(14), dueAt: ago(1) });
  const progress: Record<string, string> = {};
  for (const l of learners) {
    const learner = await makeLearner({ name: l.name });
    await enrol(cohort.id, learner.id, l.state === "removed" ? "removed" : "active");
    const p = await progressOf(assignment.id, learner.id);
    progress[l.name] = p.id;
    if (l.state === "complete") await setProgress(p.id, { completedAt: ago(2) });
    if (l.state === "extended") await setProgress(p.id, { dueAtOverride: new Date(now.getTime() + 7 * DAY) });
  }
  const waiting = (name: string, daysAgo: number) =>
    makeReflection({ progressId: progress[name], moduleVersionId: versionId, promptId: "friendliness-blur", submittedAt: ago(daysAgo) });
  return { instructor, cohort, waiting };
}

describe("the admin's weekly organization summary", () => {
  it("counts enrolled learners of active cohorts and lists the reflections waiting by instructor, longest wait first", async () => {
    const dana = await cohortWith("Dana Rivera", [
      { name: "Ana Ruiz", state: "late" },
      { name: "Ben Cho", state: "complete" },
      { name: "Cal Diaz", state: "removed" },
    ]);
    await dana.waiting("Ana Ruiz", 2);
    await dana.waiting("Cal Diaz", 9); // removed from the cohort: out of the queue, and of the summary
    const sam = await cohortWith("Sam Okafor", [
      { name: "Dee Park", state: "extended" },
      { name: "Eli Stone", state: "late" },
    ]);
    await sam.waiting("Dee Park", 5);
    await sam.waiting("Eli Stone", 1);
    // an archived cohort is history: not in this week's figures
    const archived = await makeCohort({ instructorIds: [dana.instructor.id], status: "archived" });
    const old = await makeAssignment({ cohortId: archived.id, moduleId, opensAt: ago(60), dueAt: ago(30) });
    const gone = await makeLearner();
    await enrol(archived.id, gone.id);
    await makeReflection({ progressId: (await progressOf(old.id, gone.id)).id, moduleVersionId: versionId, promptId: "friendliness-blur" });

    const summary = await compose(getDb(), message("org_summary", null), "America/Chicago", now);
    expect(summary?.body).toBe("1 of 4 assignments complete, 2 overdue, 3 reflections waiting for review.");
    expect(summary?.extra).toEqual([
      "Waiting for review, by instructor:",
      "Sam Okafor: 2 (the oldest for 5 days)",
      "Dana Rivera: 1 (the oldest for 2 days)",
    ]);
  });
});

describe("an instructor's weekly digest", () => {
  it("says how many are complete, names who is overdue (an extension is not), and the oldest wait", async () => {
    const { cohort, waiting } = await cohortWith("Rosa Díaz", [
      { name: "Gina Moss", state: "late" },
      { name: "Hal Ortiz", state: "late" },
      { name: "Ivy Quinn", state: "extended" },
      { name: "Jon Reyes", state: "complete" },
      { name: "Kim Sato", state: "removed" },
    ]);
    await waiting("Hal Ortiz", 1);

    const digest = await compose(getDb(), message("weekly_digest", cohort.id), "America/Chicago", now);
    expect(digest).toMatchObject({
      title: "This week in Rosa Díaz's cohort",
      body: "1 of 4 learners complete, 2 overdue, 1 reflection waiting for review (the oldest for 1 day).",
      extra: ["Overdue: Gina Moss and Hal Ortiz."],
      link: `/instructor/cohorts/${cohort.id}`,
    });
  });

  it(`names the first ${DIGEST_NAMES} overdue learners and counts the rest; says when nothing waits`, async () => {
    const names = Array.from({ length: DIGEST_NAMES + 2 }, (_, i) => `Learner ${String(i + 1).padStart(2, "0")}`);
    const { cohort } = await cohortWith(
      "Lee Grant",
      names.map((name) => ({ name, state: "late" as const })),
    );
    const digest = await compose(getDb(), message("weekly_digest", cohort.id), "America/Chicago", now);
    expect(digest?.body).toBe(`0 of ${names.length} learners complete, ${names.length} overdue, no reflection waiting for review.`);
    expect(digest?.extra).toEqual([`Overdue: ${names.slice(0, DIGEST_NAMES).join(", ")} and 2 more.`]);
  });

  it("names each overdue learner once and counts the rest as learners, when a cohort has two assignments overdue", async () => {
    const names = Array.from({ length: DIGEST_NAMES + 1 }, (_, i) => `Pat ${String(i + 1).padStart(2, "0")}`);
    const { cohort } = await cohortWith(
      "Noor Haddad",
      names.map((name) => ({ name, state: "late" as const })),
    );
    const second = await makeModule({ title: "Ethics in Peer Support" });
    await makeAssignment({ cohortId: cohort.id, moduleId: second.module.id, opensAt: ago(10), dueAt: ago(2) });
    const digest = await compose(getDb(), message("weekly_digest", cohort.id), "America/Chicago", now);
    expect(digest?.body).toBe(
      `0 of ${names.length * 2} assignments complete, ${names.length * 2} overdue, no reflection waiting for review.`,
    );
    // eleven learners: ten named, one more (not the twelve further overdue assignments)
    expect(digest?.extra).toEqual([`Overdue: ${names.slice(0, DIGEST_NAMES).join(", ")} and 1 more.`]);
  });

  it("sends nothing for an archived cohort", async () => {
    const instructor = await makeInstructor();
    const cohort = await makeCohort({ instructorIds: [instructor.id], status: "archived" });
    expect(await compose(getDb(), message("weekly_digest", cohort.id), "America/Chicago", now)).toBeNull();
  });
});
