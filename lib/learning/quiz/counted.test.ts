import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { quizAttempts } from "@/db/schema";
import { makeAssignment, makeLearnerOn } from "@/db/test/learner-factories";
import { setupTestDb } from "@/db/test/test-db";
import { getModuleVersion } from "@/lib/learning/module/publish";
import { getLearnerAssignment } from "@/lib/learning/page-data";
import { listLearnerAssignments } from "@/lib/learning/home";
import { effectivePassMark } from "@/lib/learning/pass-mark";
import { DomainError } from "@/lib/platform/errors";
import { answersWithCorrect } from "./answer-key";
import { listAttempts, startAttempt, submitAttempt } from "./attempts";
import { attemptAllowance, countedAttemptSql, countsAsAttempt } from "./counted";

const t = setupTestDb();

async function takeQuiz(learner: { id: string; role: "learner" }, progressId: string, correct: number) {
  const { attemptId } = await startAttempt({ learner, progressId });
  const [a] = await t.db.select().from(quizAttempts).where(eq(quizAttempts.id, attemptId));
  const v = await getModuleVersion(a.moduleVersionId);
  return submitAttempt({ learner, attemptId, answers: answersWithCorrect(v!.content, a.draw, correct) });
}

/** The attempt ids the SQL rule counts, and those the TypeScript rule counts, for one progress row. */
async function countedBothWays(progressId: string) {
  const sqlIds = await t.db
    .select({ id: quizAttempts.id })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.progressId, progressId), countedAttemptSql()));
  const rows = await t.db.select().from(quizAttempts).where(eq(quizAttempts.progressId, progressId));
  return {
    sql: sqlIds.map((r) => r.id).sort(),
    ts: rows
      .filter(countsAsAttempt)
      .map((r) => r.id)
      .sort(),
  };
}

describe("which attempts count", () => {
  it("submitted and not reset, the same in SQL, in TypeScript, on the pages and in startAttempt", async () => {
    const { assignment } = await makeAssignment({ maxAttempts: 2 });
    const { learner, progressId } = await makeLearnerOn(assignment);
    const first = await takeQuiz(learner, progressId, 6);
    await takeQuiz(learner, progressId, 7);

    let attempts = await listAttempts({ learner, progressId });
    expect(attemptAllowance(2, attempts)).toEqual({ counted: 2, left: 0, hasOpen: false, mayStart: false });
    const used = await startAttempt({ learner, progressId }).catch((e: unknown) => e);
    expect(used).toBeInstanceOf(DomainError);
    expect(used).toMatchObject({ code: "conflict", reason: "attempts_used" });
    let both = await countedBothWays(progressId);
    expect(both.sql).toHaveLength(2);
    expect(both.sql).toEqual(both.ts);

    // an instructor resets the first attempt: it stays in the history and stops counting
    await t.db.update(quizAttempts).set({ resetAt: new Date(), resetReason: "test" }).where(eq(quizAttempts.id, first.attemptId));
    attempts = await listAttempts({ learner, progressId });
    expect(attemptAllowance(2, attempts)).toEqual({ counted: 1, left: 1, hasOpen: false, mayStart: true });
    both = await countedBothWays(progressId);
    expect(both.sql).not.toContain(first.attemptId);
    expect(both.sql).toHaveLength(1);
    expect(both.sql).toEqual(both.ts);

    // an attempt in progress does not count yet, and can always be continued
    const open = await startAttempt({ learner, progressId });
    expect(open.created).toBe(true);
    attempts = await listAttempts({ learner, progressId });
    expect(attemptAllowance(2, attempts)).toEqual({ counted: 1, left: 1, hasOpen: true, mayStart: true });
    expect(attemptAllowance(1, attempts)).toEqual({ counted: 1, left: 0, hasOpen: true, mayStart: true });
    expect(attemptAllowance(null, attempts)).toEqual({ counted: 1, left: null, hasOpen: true, mayStart: true });
    both = await countedBothWays(progressId);
    expect(both.sql).not.toContain(open.attemptId);
    expect(both.sql).toEqual(both.ts);
  });
});

describe("the pass mark in force", () => {
  it("is the assignment's override, else the module version's, alike in TypeScript and SQL", async () => {
    expect(effectivePassMark({ passMarkOverride: null }, { passMark: 80 })).toBe(80);
    expect(effectivePassMark({ passMarkOverride: 65 }, { passMark: 80 })).toBe(65);
    for (const [override, expected] of [
      [null, 80],
      [90, 90],
    ] as const) {
      const { assignment } = await makeAssignment({ passMarkOverride: override });
      const { learner, progressId } = await makeLearnerOn(assignment);
      expect((await getLearnerAssignment({ learner, progressId })).passMark).toBe(expected);
      const [home] = await listLearnerAssignments({ userId: learner.id });
      expect(home.passMark).toBe(expected);
      expect((await startAttempt({ learner, progressId })).passMark).toBe(expected);
    }
  });
});

describe("both rules are written once", () => {
  /** Every source file outside tests, where a copy of either rule could hide. */
  function sources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === "node_modules" || e.name.startsWith(".") ? [] : sources(file);
      return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [file] : [];
    });
  }
  const root = path.resolve(import.meta.dirname, "../../..");
  const home = { counted: "lib/learning/quiz/counted.ts", passMark: "lib/learning/pass-mark.ts" };
  const copies = (pattern: RegExp, except: string) =>
    ["lib", "app", "db", "scripts"]
      .flatMap((d) => sources(path.join(root, d)))
      .map((f) => path.relative(root, f))
      .filter((f) => f !== except && pattern.test(fs.readFileSync(path.join(root, f), "utf8")));

  it("an attempt counts when submitted and not reset: only in counted.ts", () => {
    expect(
      copies(/resetAt\}?\s*(is null|={2,3}\s*null)|isNull\(\s*quizAttempts\.resetAt\s*\)|reset_at\s+is\s+null/i, home.counted),
    ).toEqual([]);
  });

  it("the effective pass mark: only in pass-mark.ts", () => {
    expect(copies(/passMarkOverride\s*\?\?\s*[\w.?]*passMark\b|coalesce\([^)]*pass_?mark/i, home.passMark)).toEqual([]);
  });
});
