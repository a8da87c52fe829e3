import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignments, cohorts, moduleVersions, quizAttempts, quizResponses } from "@/db/schema";
import { makeAssignment, makeLearnerOn, makeModule, progressRow } from "@/db/test/learner-factories";
import { makeUser } from "@/db/test/factories";
import { setupTestDb } from "@/db/test/test-db";
import { boundariesV1 } from "@/db/test/v1-content";
import { boundariesModule } from "@/lib/learning/module/boundaries";
import { getModuleVersion, publishModule } from "@/lib/learning/module/publish";
import { DomainError } from "@/lib/platform/errors";
import { answersWithCorrect } from "./answer-key";
import { getOpenAttempt, listAttempts, startAttempt, submitAttempt } from "./attempts";
import { recordSectionRead } from "@/lib/learning/reads";
import { getAttemptReview } from "./review";

const t = setupTestDb();
const DAY = 86_400_000;

async function refused(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, "expected a refusal").toBeInstanceOf(DomainError);
  return e as DomainError;
}

async function attemptRow(id: string) {
  const [a] = await t.db.select().from(quizAttempts).where(eq(quizAttempts.id, id));
  return a;
}

/** Answers with `correct` items right for an open attempt, read from its stored draw. */
async function answersFor(attemptId: string, correct: number) {
  const a = await attemptRow(attemptId);
  const v = await getModuleVersion(a.moduleVersionId);
  return answersWithCorrect(v!.content, a.draw, correct);
}

async function takeQuiz(learner: { id: string; role: "learner" }, progressId: string, correct: number, now?: Date) {
  const { attemptId } = await startAttempt({ learner, progressId, now });
  return submitAttempt({ learner, attemptId, answers: await answersFor(attemptId, correct), now });
}

describe("starting an attempt", () => {
  it("draws 10 questions without the answer key, pins the version and starts the progress", async () => {
    const { assignment } = await makeAssignment();
    const { learner, progressId } = await makeLearnerOn(assignment);
    const a = await startAttempt({ learner, progressId });
    expect(a.created).toBe(true);
    expect(a.questions).toHaveLength(10);
    expect(JSON.stringify(a)).not.toMatch(/"correct"|"explanation"/);
    expect(a.passMark).toBe(80);
    const p = await progressRow(progressId);
    expect(p.moduleVersionId).toBe((await attemptRow(a.attemptId)).moduleVersionId);
    expect(p.startedAt).not.toBeNull();
    expect(p.attemptsCount).toBe(0);
  });

  it("hands back the open attempt to a second tab, also when both start at once", async () => {
    const { assignment } = await makeAssignment();
    const { learner, progressId } = await makeLearnerOn(assignment);
    const [x, y] = await Promise.all([startAttempt({ learner, progressId }), startAttempt({ learner, progressId })]);
    expect(x.attemptId).toBe(y.attemptId);
    expect([x.created, y.created].sort()).toEqual([false, true]);
    const again = await startAttempt({ learner, progressId });
    expect(again).toMatchObject({ attemptId: x.attemptId, created: false, questions: x.questions });
    expect((await getOpenAttempt({ learner, progressId }))?.attemptId).toBe(x.attemptId);
    expect(await t.db.select().from(quizAttempts).where(eq(quizAttempts.progressId, progressId))).toHaveLength(1);
  });

  it("uses the assignment's pass mark override", async () => {
    const { assignment } = await makeAssignment({ passMarkOverride: 90 });
    const { learner, progressId } = await makeLearnerOn(assignment);
    const r = await takeQuiz(learner, progressId, 8);
    expect(r).toMatchObject({ score: 80, passMark: 90, passed: false });
  });

  it("refuses before the assignment opens and once it is closed", async () => {
    const { assignment } = await makeAssignment({ opensAt: new Date(Date.now() + DAY), dueAt: new Date(Date.now() + 9 * DAY) });
    const early = await makeLearnerOn(assignment);
    expect(await refused(startAttempt(early))).toMatchObject({ code: "conflict", reason: "not_open" });
    const archived = await makeAssignment({ cohortStatus: "archived" });
    const late = await makeLearnerOn(archived.assignment);
    expect(await refused(startAttempt(late))).toMatchObject({ code: "conflict", reason: "closed" });
    expect((await progressRow(late.progressId)).startedAt).toBeNull();
  });

  it("stays open after the due date (the work counts as late)", async () => {
    const { assignment } = await makeAssignment({ opensAt: new Date(Date.now() - 9 * DAY), dueAt: new Date(Date.now() - DAY) });
    const { learner, progressId } = await makeLearnerOn(assignment);
    expect((await startAttempt({ learner, progressId })).created).toBe(true);
  });
});

describe("submitting an attempt", () => {
  it("scores on the server, writes the responses and the counters in one go", async () => {
    const { assignment } = await makeAssignment();
    const { learner, progressId } = await makeLearnerOn(assignment);
    const failed = await takeQuiz(learner, progressId, 6);
    expect(failed).toMatchObject({ score: 60, correctCount: 6, total: 10, passed: false, completed: false, alreadySubmitted: false });
    const responses = await t.db.select().from(quizResponses).where(eq(quizResponses.attemptId, failed.attemptId));
    expect(responses).toHaveLength(10);
    expect(responses.filter((r) => r.correct)).toHaveLength(6);
    expect(await progressRow(progressId)).toMatchObject({ attemptsCount: 1, bestScore: 60, quizPassedAt: null });

    const passed = await takeQuiz(learner, progressId, 9);
    expect(passed).toMatchObject({ score: 90, passed: true });
    await takeQuiz(learner, progressId, 7);
    const p = await progressRow(progressId);
    expect(p).toMatchObject({ attemptsCount: 3, bestScore: 90 });
    expect(p.quizPassedAt?.getTime()).toBe((await attemptRow(passed.attemptId)).submittedAt?.getTime());
    expect(p.completedAt).toBeNull();
  });

  it("records one attempt when submitted twice, one after the other or both at once", async () => {
    const { assignment } = await makeAssignment();
    const { learner, progressId } = await makeLearnerOn(assignment);
    const { attemptId } = await startAttempt({ learner, progressId });
    const answers = await answersFor(attemptId, 9);
    const [x, y] = await Promise.all([submitAttempt({ learner, attemptId, answers }), submitAttempt({ learner, attemptId, answers })]);
    expect([x.alreadySubmitted, y.alreadySubmitted].sort()).toEqual([false, true]);
    const { alreadySubmitted: _a, ...first } = x;
    const { alreadySubmitted: _b, ...second } = y;
    expect(first).toEqual(second);
    // a retry with other answers changes nothing either
    const retry = await submitAttempt({ learner, attemptId, answers: await answersFor(attemptId, 0) });
    expect(retry).toMatchObject({ score: 90, alreadySubmitted: true });
    expect(await t.db.select().from(quizResponses).where(eq(quizResponses.attemptId, attemptId))).toHaveLength(10);
    expect(await progressRow(progressId)).toMatchObject({ attemptsCount: 1, bestScore: 90 });
  });

  it("refuses unanswered items and keeps the attempt open, with nothing written", async () => {
    const { assignment } = await makeAssignment();
    const { learner, progressId } = await makeLearnerOn(assignment);
    const { attemptId } = await startAttempt({ learner, progressId });
    const answers = await answersFor(attemptId, 10);
    const [first, , third] = (await attemptRow(attemptId)).draw;
    delete answers[first.itemId];
    answers[third.itemId] = [];
    const e = await refused(submitAttempt({ learner, attemptId, answers }));
    expect(e).toMatchObject({ code: "invalid", reason: "unanswered" });
    expect(e.details?.missing).toEqual([first.itemId, third.itemId]);
    expect(e.message).toContain("questions 1, 3");
    expect((await attemptRow(attemptId)).status).toBe("in_progress");
    expect(await t.db.select().from(quizResponses).where(eq(quizResponses.attemptId, attemptId))).toHaveLength(0);
    expect((await progressRow(progressId)).attemptsCount).toBe(0);
  });

  it("refuses answers that are not options of the drawn items", async () => {
    const { assignment } = await makeAssignment();
    const { learner, progressId } = await makeLearnerOn(assignment);
    const { attemptId } = await startAttempt({ learner, progressId });
    const answers = await answersFor(attemptId, 10);
    answers[(await attemptRow(attemptId)).draw[0].itemId] = ["made-up"];
    expect((await refused(submitAttempt({ learner, attemptId, answers }))).code).toBe("invalid");
    expect((await attemptRow(attemptId)).status).toBe("in_progress");
  });

  it("refuses when the cohort was archived while the attempt was open; the attempt stays open", async () => {
    const { assignment, cohort } = await makeAssignment();
    const { learner, progressId } = await makeLearnerOn(assignment);
    const { attemptId } = await startAttempt({ learner, progressId });
    const answers = await answersFor(attemptId, 10);
    await t.db.update(cohorts).set({ status: "archived" }).where(eq(cohorts.id, cohort.id));
    expect(await refused(submitAttempt({ learner, attemptId, answers }))).toMatchObject({ code: "conflict", reason: "closed" });
    expect((await attemptRow(attemptId)).status).toBe("in_progress");
  });

  it("enforces the attempt limit, counting only attempts that were not reset", async () => {
    const { assignment } = await makeAssignment({ maxAttempts: 2 });
    const { learner, progressId } = await makeLearnerOn(assignment);
    const first = await takeQuiz(learner, progressId, 3);
    await takeQuiz(learner, progressId, 4);
    const e = await refused(startAttempt({ learner, progressId }));
    expect(e).toMatchObject({ code: "conflict", reason: "attempts_used" });
    expect(e.message).toContain("all 2 quiz attempts");
    await t.db.update(quizAttempts).set({ resetAt: new Date() }).where(eq(quizAttempts.id, first.attemptId));
    const third = await takeQuiz(learner, progressId, 8);
    expect(third.passed).toBe(true);
    expect(await progressRow(progressId)).toMatchObject({ attemptsCount: 2, bestScore: 80 });
  });

  it("answers not_found for another learner's attempt and progress, and for staff", async () => {
    const { assignment } = await makeAssignment();
    const owner = await makeLearnerOn(assignment);
    const other = await makeLearnerOn(assignment);
    const { attemptId } = await startAttempt(owner);
    const answers = await answersFor(attemptId, 10);
    const instructor = { id: (await makeUser({ role: "instructor" })).id, role: "instructor" as const };
    for (const who of [other.learner, instructor]) {
      expect((await refused(submitAttempt({ learner: who, attemptId, answers }))).code).toBe("not_found");
      expect((await refused(startAttempt({ learner: who, progressId: owner.progressId }))).code).toBe("not_found");
      expect((await refused(getOpenAttempt({ learner: who, progressId: owner.progressId }))).code).toBe("not_found");
      expect((await refused(listAttempts({ learner: who, progressId: owner.progressId }))).code).toBe("not_found");
    }
    expect((await refused(submitAttempt({ learner: owner.learner, attemptId: "not-a-uuid", answers }))).code).toBe("not_found");
    expect((await attemptRow(attemptId)).status).toBe("in_progress");
    const done = await submitAttempt({ learner: owner.learner, attemptId, answers });
    for (const who of [other.learner, instructor]) {
      const e = await refused(getAttemptReview({ learner: who, progressId: owner.progressId, attemptId: done.attemptId }));
      expect(e.code).toBe("not_found");
    }
    // the other learner's own progress id with the owner's attempt id: still nothing
    const e = await refused(getAttemptReview({ learner: other.learner, progressId: other.progressId, attemptId: done.attemptId }));
    expect(e.code).toBe("not_found");
  });
});

describe("retakes", () => {
  it("draw items the learner has not been shown, while the bank allows (reset attempts count as shown)", async () => {
    const { assignment } = await makeAssignment();
    const { learner, progressId } = await makeLearnerOn(assignment);
    const first = await takeQuiz(learner, progressId, 5);
    await t.db.update(quizAttempts).set({ resetAt: new Date() }).where(eq(quizAttempts.id, first.attemptId));
    await takeQuiz(learner, progressId, 6);
    const { attemptId } = await startAttempt({ learner, progressId });
    const draws = (await t.db.select().from(quizAttempts).where(eq(quizAttempts.progressId, progressId))).map((a) =>
      a.draw.map((d) => d.itemId),
    );
    expect(draws).toHaveLength(3);
    const all = draws.flat();
    expect(new Set(all).size).toBe(30);
    expect((await attemptRow(attemptId)).draw).toHaveLength(10);
  });
});

describe("reviewing an attempt", () => {
  const keyTexts = (content: typeof boundariesModule, itemIds: string[]) =>
    itemIds.flatMap((id) =>
      content.quiz
        .find((q) => q.id === id)!
        .options.filter((o) => o.correct)
        .map((o) => o.explanation),
    );

  /** The review holds nothing of the key: no option flag or explanation of a right option, only why the chosen wrong ones are wrong. */
  function expectNoKey(review: Awaited<ReturnType<typeof getAttemptReview>>) {
    expect(review.keyShown).toBe(false);
    if (review.keyShown) return;
    const json = JSON.stringify(review);
    for (const text of keyTexts(
      boundariesModule,
      review.items.map((i) => i.itemId),
    ))
      expect(json).not.toContain(text);
    expect(json).not.toContain('"explanation"');
    for (const item of review.items) {
      const bank = boundariesModule.quiz.find((q) => q.id === item.itemId)!;
      for (const o of item.options) {
        expect(Object.keys(o).sort()).toEqual(o.wrongBecause ? ["chosen", "id", "text", "wrongBecause"] : ["chosen", "id", "text"]);
        const real = bank.options.find((x) => x.id === o.id)!;
        // every chosen wrong option says why; nothing else does
        expect(o.wrongBecause).toBe(o.chosen && !real.correct ? real.explanation : undefined);
      }
    }
  }

  it("only once submitted; a failed attempt shows the score, the ideas missed and why the chosen options were wrong, not the key", async () => {
    const { assignment } = await makeAssignment();
    const { learner, progressId } = await makeLearnerOn(assignment);
    const { attemptId } = await startAttempt({ learner, progressId });
    expect((await refused(getAttemptReview({ learner, progressId, attemptId }))).code).toBe("not_found");
    await submitAttempt({ learner, attemptId, answers: await answersFor(attemptId, 7) });
    const review = await getAttemptReview({ learner, progressId, attemptId });
    expect(review.attempt).toMatchObject({ score: 70, passed: false });
    expect(review.items).toHaveLength(10);
    expectNoKey(review);
    if (review.keyShown) return;
    const wrong = review.items.filter((i) => !i.correct);
    expect(wrong).toHaveLength(3);
    for (const item of wrong) expect(item.options.some((o) => o.wrongBecause)).toBe(true);
    // the ideas of the wrong items, each with the lesson sections that teach it
    expect(review.missedIdeas.map((i) => i.ideaId).sort()).toEqual([...new Set(wrong.map((i) => i.ideaId))].sort());
    for (const idea of review.missedIdeas) {
      expect(idea.label).toBe(boundariesModule.ideas.find((i) => i.id === idea.ideaId)!.label);
      expect(idea.sections.length).toBeGreaterThan(0);
      for (const s of idea.sections) expect(boundariesModule.sections.find((x) => x.id === s.id)!.ideaIds).toContain(idea.ideaId);
    }
  });

  it("shows the key of every attempt once the quiz is passed", async () => {
    const { assignment } = await makeAssignment();
    const { learner, progressId } = await makeLearnerOn(assignment);
    const failed = await takeQuiz(learner, progressId, 5);
    expectNoKey(await getAttemptReview({ learner, progressId, attemptId: failed.attemptId }));
    const passed = await takeQuiz(learner, progressId, 9);
    expect(passed.passed).toBe(true);
    for (const attemptId of [failed.attemptId, passed.attemptId]) {
      const review = await getAttemptReview({ learner, progressId, attemptId });
      expect(review.keyShown).toBe(true);
      if (!review.keyShown) continue;
      for (const item of review.items) {
        expect(item.options.some((o) => o.chosen)).toBe(true);
        expect(item.options.every((o) => o.explanation.length > 10)).toBe(true);
        expect(item.options.some((o) => o.correct)).toBe(true);
      }
    }
  });

  it("shows the key once the attempts are used up, and again hides it when an instructor resets one", async () => {
    const { assignment } = await makeAssignment({ maxAttempts: 2 });
    const { learner, progressId } = await makeLearnerOn(assignment);
    const first = await takeQuiz(learner, progressId, 5);
    expectNoKey(await getAttemptReview({ learner, progressId, attemptId: first.attemptId }));
    const second = await takeQuiz(learner, progressId, 6);
    expect((await getAttemptReview({ learner, progressId, attemptId: first.attemptId })).keyShown).toBe(true);
    expect((await getAttemptReview({ learner, progressId, attemptId: second.attemptId })).keyShown).toBe(true);
    await t.db.update(quizAttempts).set({ resetAt: new Date() }).where(eq(quizAttempts.id, second.attemptId));
    expectNoKey(await getAttemptReview({ learner, progressId, attemptId: first.attemptId }));
  });

  it("follows the assignment's setting: after each attempt, or never (not even after a pass)", async () => {
    const each = await makeAssignment({ showCorrectAnswers: "after_each_attempt" });
    const a = await makeLearnerOn(each.assignment);
    const failed = await takeQuiz(a.learner, a.progressId, 3);
    expect((await getAttemptReview({ learner: a.learner, progressId: a.progressId, attemptId: failed.attemptId })).keyShown).toBe(true);

    const never = await makeAssignment({ showCorrectAnswers: "never" });
    const b = await makeLearnerOn(never.assignment);
    const passed = await takeQuiz(b.learner, b.progressId, 9);
    expect(passed.passed).toBe(true);
    expectNoKey(await getAttemptReview({ learner: b.learner, progressId: b.progressId, attemptId: passed.attemptId }));
  });
});

describe("the quiz waits for the lesson", () => {
  it("refuses to start while a section is unread, saying which, and records nothing; starts once all are read", async () => {
    const { assignment } = await makeAssignment({ requireAllSectionsRead: true });
    const { learner, progressId } = await makeLearnerOn(assignment);
    const sections = boundariesModule.sections;
    const none = await refused(startAttempt({ learner, progressId }));
    expect(none).toMatchObject({ code: "invalid", reason: "lesson_unread", details: { unread: sections.map((s) => s.id) } });
    expect(none.message).toContain(`Still to read: ${sections.length} sections`);
    expect((await progressRow(progressId)).startedAt).toBeNull();
    for (const s of sections.slice(0, -1)) await recordSectionRead({ learner, progressId, sectionId: s.id });
    const last = sections.at(-1)!;
    const one = await refused(startAttempt({ learner, progressId }));
    expect(one).toMatchObject({ code: "invalid", reason: "lesson_unread", details: { unread: [last.id] } });
    expect(one.message).toContain(`Still to read: 1 section (${last.title})`);
    expect(await t.db.select().from(quizAttempts).where(eq(quizAttempts.progressId, progressId))).toHaveLength(0);
    await recordSectionRead({ learner, progressId, sectionId: last.id });
    expect((await startAttempt({ learner, progressId })).created).toBe(true);
  });

  it("is on by default for a new assignment, and off when the assignment says so", async () => {
    const [row] = await t.db
      .insert(cohorts)
      .values({ name: "Default cohort" })
      .returning()
      .then(async ([c]) =>
        t.db
          .insert(assignments)
          .values({
            cohortId: c.id,
            moduleId: (await makeModule()).moduleId,
            opensAt: new Date(Date.now() - DAY),
            dueAt: new Date(Date.now() + DAY),
          })
          .returning(),
      );
    expect(row).toMatchObject({ requireAllSectionsRead: true, showCorrectAnswers: "after_pass_or_last_attempt" });
    const { learner, progressId } = await makeLearnerOn(row);
    expect(await refused(startAttempt({ learner, progressId }))).toMatchObject({ reason: "lesson_unread" });

    const off = await makeAssignment({ requireAllSectionsRead: false });
    const free = await makeLearnerOn(off.assignment);
    expect((await startAttempt(free)).created).toBe(true);
  });
});

describe("module versions", () => {
  it("learners who started on version 1 keep it, and its scores, when version 2 of the content is published", async () => {
    const slug = `boundaries-v1-${Date.now().toString(36)}`;
    const v1 = await publishModule({ ...structuredClone(boundariesV1), slug });
    const { assignment } = await makeAssignment({ moduleId: v1.moduleId });
    const early = await makeLearnerOn(assignment);
    const scored = await takeQuiz(early.learner, early.progressId, 8);
    expect(scored).toMatchObject({ score: 80, passed: true, total: 10 });
    const { attemptId } = await startAttempt(early);
    const answers = await answersFor(attemptId, 7);

    const v2 = await publishModule({ ...structuredClone(boundariesModule), slug });
    expect(v2).toMatchObject({ moduleId: v1.moduleId, version: 2, created: true });

    // the open version 1 attempt is scored against version 1, and the earlier one keeps its score
    expect(await submitAttempt({ learner: early.learner, attemptId, answers })).toMatchObject({ score: 70, passed: false });
    expect(await attemptRow(scored.attemptId)).toMatchObject({ score: 80, passed: true, moduleVersionId: v1.versionId });
    const review = await getAttemptReview({ learner: early.learner, progressId: early.progressId, attemptId: scored.attemptId });
    expect(review.items.filter((i) => i.correct)).toHaveLength(8);
    expect(review.items.every((i) => boundariesV1.quiz.some((q) => q.id === i.itemId))).toBe(true);
    // a retake stays on version 1 with its draw (every idea once), not version 2's blueprint
    const later = await startAttempt(early);
    const laterRow = await attemptRow(later.attemptId);
    expect(laterRow.moduleVersionId).toBe(v1.versionId);
    const ideas = new Set(laterRow.draw.map((d) => boundariesV1.quiz.find((q) => q.id === d.itemId)!.ideaId));
    expect(ideas.size).toBe(boundariesV1.ideas.length);
    expect(await progressRow(early.progressId)).toMatchObject({ moduleVersionId: v1.versionId, bestScore: 80, attemptsCount: 2 });

    // a learner starting now gets version 2 and a blueprint form
    const fresh = await makeLearnerOn(assignment);
    const f = await startAttempt(fresh);
    const fRow = await attemptRow(f.attemptId);
    expect(fRow.moduleVersionId).toBe(v2.versionId);
    const kinds = fRow.draw.map((d) => boundariesModule.quiz.find((q) => q.id === d.itemId)!.kind);
    expect(kinds.filter((k) => k === "multiple")).toHaveLength(2);
  });

  it("republishing changed content creates version 2; earlier work keeps pointing at version 1 and is scored against it", async () => {
    const v1 = await makeModule();
    const { assignment } = await makeAssignment({ moduleId: v1.moduleId });
    const early = await makeLearnerOn(assignment);
    const { attemptId } = await startAttempt(early);
    const answersV1 = await answersFor(attemptId, 10);

    // Version 2 flips the answer of every single-choice item and changes the pass mark.
    const v2 = await makeModule((c) => {
      c.passMark = 70;
      for (const q of c.quiz.filter((q) => q.kind === "single")) {
        const right = q.options.findIndex((o) => o.correct);
        q.options.forEach((o, i) => (o.correct = i === (right + 1) % q.options.length));
      }
    }, v1.slug);
    expect(v2).toMatchObject({ moduleId: v1.moduleId, version: 2, created: true });
    expect(v2.versionId).not.toBe(v1.versionId);
    expect(await t.db.select().from(moduleVersions).where(eq(moduleVersions.moduleId, v1.moduleId))).toHaveLength(2);
    // publishing the same content again is a no-op
    expect(await makeModule((c) => Object.assign(c, v2.content), v1.slug)).toMatchObject({ version: 2, created: false });

    // the open attempt is scored against version 1: all of its answers are right
    const r = await submitAttempt({ learner: early.learner, attemptId, answers: answersV1 });
    expect(r).toMatchObject({ score: 100, passMark: 80 });
    expect((await attemptRow(attemptId)).moduleVersionId).toBe(v1.versionId);
    // the early learner stays on version 1 for later attempts
    const later = await startAttempt(early);
    expect((await attemptRow(later.attemptId)).moduleVersionId).toBe(v1.versionId);
    expect((await progressRow(early.progressId)).moduleVersionId).toBe(v1.versionId);

    // a learner starting now works against version 2
    const fresh = await makeLearnerOn(assignment);
    const f = await startAttempt(fresh);
    expect(f.passMark).toBe(70);
    expect((await attemptRow(f.attemptId)).moduleVersionId).toBe(v2.versionId);
    expect((await progressRow(fresh.progressId)).moduleVersionId).toBe(v2.versionId);
    // and their answers are scored with version 2's key
    const v2answers = await answersFor(f.attemptId, 10);
    const single = (await attemptRow(f.attemptId)).draw.find((d) => v2.content.quiz.find((q) => q.id === d.itemId)?.kind === "single");
    if (single) {
      const v1key = v1.content.quiz.find((q) => q.id === single.itemId)!.options.find((o) => o.correct)!.id;
      expect(v2answers[single.itemId]).not.toEqual([v1key]);
    }
    expect((await submitAttempt({ learner: fresh.learner, attemptId: f.attemptId, answers: v2answers })).score).toBe(100);
    expect(
      await t.db
        .select()
        .from(quizAttempts)
        .where(and(eq(quizAttempts.progressId, early.progressId), eq(quizAttempts.moduleVersionId, v2.versionId))),
    ).toHaveLength(0);
  });
});
