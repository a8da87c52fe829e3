import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { quizAttempts, quizResponses } from "@/db/schema";
import { makeModule } from "@/db/test/admin-factories";
import { makeUser } from "@/db/test/factories";
import {
  enrol,
  expectNotFound,
  makeAssignment,
  makeAttempt,
  makeCohort,
  makeInstructor,
  makeLearner,
  progressOf,
  type ResponseSpec,
} from "@/db/test/instructor-factories";
import { setupTestDb } from "@/db/test/test-db";
import { boundariesModule } from "@/lib/learning/module/boundaries";
import { publishModule } from "@/lib/learning/module/publish";
import { flagsOf, getItemAnalysis, type VersionAnalysis } from "./item-analysis";
import { itemAnalysisCsv } from "./item-analysis-csv";

const t = setupTestDb();

// three items of the built-in bank, one of each scoring shape
const A = (right: boolean, chosen = right ? "open-up" : "follow-advice"): ResponseSpec => ({
  itemId: "why-trust-matters", // single choice, key "open-up"
  ideaId: "trust-rapport",
  chosen: [chosen],
  correct: right,
});
const B = (right: boolean): ResponseSpec => ({
  itemId: "feelings-unprofessional", // true/false, key "false"
  ideaId: "misc-emotional-engagement",
  chosen: [right ? "false" : "true"],
  correct: right,
});
const C = (...chosen: string[]): ResponseSpec => ({
  itemId: "warm-and-clear-responses", // multiple select, key glad-and-widen + reflect-feeling, all or nothing
  ideaId: "empathy-distance-balance",
  chosen,
  correct: [...chosen].sort().join() === "glad-and-widen,reflect-feeling",
});
const keyC = ["glad-and-widen", "reflect-feeling"];

const seeded = {} as { admin: { id: string; role: "admin" }; v1: string; v2: string };

/**
 * The hand-built organization: six learners, three items, seven counted attempts on version 1
 * (1 right, 0 wrong; rest = the attempt's other items right):
 *
 *   attempt        A  B  C   total   rest A  rest B  rest C
 *   1 L1           1  0  1     2       1       2       1
 *   2 L2           1  0  1     2       1       2       1
 *   3 L3           1  1  1     3       2       2       2
 *   4 L4           0  1  0     1       1       0       1
 *   5 L5           0  1  0     1       1       0       1
 *   6 L6           0  0  0     0       0       0       0
 *   7 L5 retake    1  1  –     2       1       1       –    (C not drawn: left out of C's figures)
 *
 * Not counted: L1's reset attempt (all wrong), L2's open attempt (responses written by hand),
 * and L4's attempt on version 2 (its own row there).
 *
 * Point-biserial r = (M1 − M0) / s · √(p·q), s the population SD of the rest scores,
 * M1/M0 the mean rest score of those right/wrong, p the share right, q = 1 − p.
 *   A: n 7, p 4/7 → difficulty 57.1 %. M1 = (1+1+2+1)/4 = 1.25, M0 = (1+1+0)/3 = 0.667,
 *      rest mean 1, s = √(2/7) = 0.5345 → r = 0.5833 / 0.5345 · √(12/49) = 1.0914 · 0.4949 = 0.540
 *   B: n 7, p 4/7 → 57.1 %. M1 = (2+0+0+1)/4 = 0.75, M0 = (2+2+0)/3 = 1.333,
 *      rest mean 1, s = √(6/7) = 0.9258 → r = −0.5833 / 0.9258 · 0.4949 = −0.312 (discriminates negatively)
 *   C: n 6, p 1/2 → 50 %. M1 = (1+1+2)/3 = 1.333, M0 = (1+1+0)/3 = 0.667,
 *      rest mean 1, s = √(2/6) = 0.5774 → r = 0.6667 / 0.5774 · 0.5 = 0.577
 * Options chosen: A open-up 4, follow-advice 2 (L4, L5), closer-friends 1 (L6), early-stage 0.
 *   B "false" 4, "true" 3. C glad-and-widen 4 (L1–L3, L4), reflect-feeling 3, be-available 2 (L4, L5), only-you 1 (L6).
 */
beforeAll(async () => {
  const slug = `boundaries-ia-${Date.now().toString(36)}`;
  const v1 = await publishModule({ ...structuredClone(boundariesModule), slug });
  const v2 = await publishModule({ ...structuredClone(boundariesModule), slug, title: `${boundariesModule.title} (revised)` });
  const instructor = await makeInstructor();
  const cohort = await makeCohort({ instructorIds: [instructor.id] });
  const learners = await Promise.all(Array.from({ length: 6 }, () => makeLearner()));
  for (const l of learners) await enrol(cohort.id, l.id);
  const a = await makeAssignment({ cohortId: cohort.id, moduleId: v1.moduleId });
  const [l1, l2, l3, l4, l5, l6] = await Promise.all(learners.map((l) => progressOf(a.id, l.id)));
  const attempt = (p: { id: string }, responses: ResponseSpec[], versionId = v1.versionId) =>
    makeAttempt({ progressId: p.id, moduleVersionId: versionId, score: 0, responses });

  const reset = await attempt(l1, [A(false), B(false), C("only-you")]);
  await t.db.update(quizAttempts).set({ resetAt: new Date(), resetReason: "test" }).where(eq(quizAttempts.id, reset.id));
  await attempt(l1, [A(true), B(false), C(...keyC)]);
  const open = await makeAttempt({ progressId: l2.id, moduleVersionId: v1.versionId, score: 0, status: "in_progress" });
  await t.db
    .insert(quizResponses)
    .values({ attemptId: open.id, itemId: A(false).itemId, ideaId: "trust-rapport", chosenOptionIds: ["early-stage"], correct: false });
  await attempt(l2, [A(true), B(false), C(...keyC)]);
  await attempt(l3, [A(true), B(true), C(...keyC)]);
  await attempt(l4, [A(false), B(true), C("glad-and-widen", "be-available")]);
  await attempt(l5, [A(false), B(true), C("be-available")]);
  await attempt(l6, [A(false, "closer-friends"), B(false), C("only-you")]);
  await attempt(l5, [A(true), B(true)]);
  await attempt(l4, [A(true)], v2.versionId);

  Object.assign(seeded, { admin: await makeUser({ role: "admin" }), v1: v1.versionId, v2: v2.versionId });
});

const itemOf = (versions: VersionAnalysis[], versionId: string, itemId: string) =>
  versions.find((v) => v.versionId === versionId)!.items.find((i) => i.itemId === itemId)!;

describe("item analysis", () => {
  it("matches the hand computation: difficulty, point-biserial against the rest of the form, options chosen", async () => {
    const versions = await getItemAnalysis({ actor: seeded.admin });
    const v1 = versions.find((v) => v.versionId === seeded.v1)!;
    expect(v1.attempts).toBe(7);
    expect(v1.version).toBe(1);

    const a = itemOf(versions, seeded.v1, "why-trust-matters");
    expect([a.responses, a.correct]).toEqual([7, 4]);
    expect(a.difficulty).toBeCloseTo(4 / 7, 10);
    expect(a.discrimination).toBeCloseTo(0.54, 3);
    expect(a.kind).toBe("single");
    expect(a.ideaId).toBe("trust-rapport");
    expect(a.ideaLabel).toMatch(/trust/i);
    expect(a.prompt).toMatch(/^Why are trust and rapport/);
    expect(a.options.map((o) => [o.optionId, o.correct, o.chosen])).toEqual([
      ["open-up", true, 4],
      ["follow-advice", false, 2],
      ["closer-friends", false, 1],
      ["early-stage", false, 0],
    ]);
    expect(a.options[1].share).toBeCloseTo(2 / 7, 10);

    const b = itemOf(versions, seeded.v1, "feelings-unprofessional");
    expect([b.responses, b.correct]).toEqual([7, 4]);
    expect(b.discrimination).toBeCloseTo(-0.312, 3);
    expect(b.options.map((o) => [o.optionId, o.chosen])).toEqual([
      ["true", 3],
      ["false", 4],
    ]);

    const c = itemOf(versions, seeded.v1, "warm-and-clear-responses");
    expect([c.responses, c.correct]).toEqual([6, 3]);
    expect(c.difficulty).toBe(0.5);
    expect(c.discrimination).toBeCloseTo(0.577, 3);
    expect(Object.fromEntries(c.options.map((o) => [o.optionId, o.chosen]))).toEqual({
      "glad-and-widen": 4,
      "reflect-feeling": 3,
      "be-available": 2,
      "only-you": 1,
      "change-topic": 0,
    });

    // under 20 responses: no verdict, whatever the figures say
    for (const item of [a, b, c]) expect(item.flags).toEqual(["too_few"]);
  });

  it("lists every item of the bank, and keeps each version's attempts apart", async () => {
    const versions = await getItemAnalysis({ actor: seeded.admin });
    const v1 = versions.find((v) => v.versionId === seeded.v1)!;
    expect(v1.items.map((i) => i.itemId)).toEqual(boundariesModule.quiz.map((q) => q.id));
    const unanswered = v1.items.find((i) => i.itemId === "quiet-at-drop-in")!;
    expect(unanswered).toMatchObject({ responses: 0, difficulty: null, discrimination: null, flags: ["too_few"] });
    expect(unanswered.options.every((o) => o.chosen === 0 && o.share === null)).toBe(true);

    const a2 = itemOf(versions, seeded.v2, "why-trust-matters");
    expect([a2.responses, a2.correct, a2.discrimination]).toEqual([1, 1, null]);
    expect(versions.find((v) => v.versionId === seeded.v2)).toMatchObject({ version: 2, attempts: 1 });
    // latest version first within a module
    expect(versions.findIndex((v) => v.versionId === seeded.v2)).toBeLessThan(versions.findIndex((v) => v.versionId === seeded.v1));
  });

  it("leaves reset attempts out (they would make every figure different)", async () => {
    await t.db.update(quizAttempts).set({ resetAt: null }).where(eq(quizAttempts.resetReason, "test"));
    try {
      const a = itemOf(await getItemAnalysis({ actor: seeded.admin }), seeded.v1, "why-trust-matters");
      expect([a.responses, a.correct]).toEqual([8, 4]);
    } finally {
      await t.db.update(quizAttempts).set({ resetAt: new Date() }).where(eq(quizAttempts.resetReason, "test"));
    }
    const a = itemOf(await getItemAnalysis({ actor: seeded.admin }), seeded.v1, "why-trust-matters");
    expect([a.responses, a.correct]).toEqual([7, 4]);
  });

  it("downloads as CSV, one row per option with the item's figures", async () => {
    const { filename, body } = await itemAnalysisCsv({ actor: seeded.admin, now: new Date("2026-03-04T12:00:00Z") });
    expect(filename).toBe("item-analysis-2026-03-04.csv");
    const rows: Record<string, string>[] = parse(body, { columns: true });
    const b = rows.filter((r) => r["Item ID"] === "feelings-unprofessional" && r["Module version"] === "1");
    expect(b.map((r) => [r["Option ID"], r["Correct option"], r["Times chosen"], r["Chosen (% of responses)"]])).toEqual([
      ["true", "no", "3", "42.9"],
      ["false", "yes", "4", "57.1"],
    ]);
    expect(b[0]).toMatchObject({
      Kind: "True/false",
      Responses: "7",
      "Difficulty (% correct)": "57.1",
      "Discrimination (point-biserial)": "-0.31",
      Flags: "Too few answers",
    });
    expect(b[0].Item).toMatch(/\S/);
    expect(rows.find((r) => r["Item ID"] === "quiet-at-drop-in" && r["Module version"] === "1")).toMatchObject({
      Responses: "0",
      "Difficulty (% correct)": "",
      "Discrimination (point-biserial)": "",
    });
  });

  it("is refused (404) to instructors and learners, page and CSV alike", async () => {
    for (const actor of [await makeInstructor(), await makeLearner()]) {
      await expectNotFound(getItemAnalysis({ actor }));
      await expectNotFound(itemAnalysisCsv({ actor }));
    }
  });
});

describe("item flags", () => {
  const f = (responses: number, difficulty: number | null, discrimination: number | null) =>
    flagsOf({ responses, difficulty, discrimination });

  it("give no verdict under 20 responses", () => {
    expect(f(19, 1, -0.5)).toEqual(["too_few"]);
    expect(f(0, null, null)).toEqual(["too_few"]);
    expect(f(20, 1, null)).toEqual(["too_easy"]);
  });

  it("mark almost everyone right at 95 %, almost nobody right at 20 %, and negative discrimination", () => {
    expect(f(20, 0.95, 0.1)).toEqual(["too_easy"]);
    expect(f(20, 0.94, 0.1)).toEqual([]);
    expect(f(20, 0.2, 0.3)).toEqual(["too_hard"]);
    expect(f(20, 0.21, 0.3)).toEqual([]);
    expect(f(40, 0.5, -0.01)).toEqual(["negative"]);
    expect(f(40, 0.1, -0.2)).toEqual(["too_hard", "negative"]);
    expect(f(40, 0.5, 0)).toEqual([]);
  });

  it("leaves out a module version that has no quiz bank, instead of failing the page (the e2e fixtures publish such modules)", async () => {
    await makeModule({ title: "Module without a quiz" });
    const admin = await makeUser({ role: "admin" });
    const versions = await getItemAnalysis({ actor: { id: admin.id, role: "admin" } });
    expect(versions.map((v) => v.moduleTitle)).not.toContain("Module without a quiz");
  });
});
