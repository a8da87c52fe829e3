import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, certificates, cohorts, quizAttempts, reflectionReviews, reflections } from "@/db/schema";
import { makeAssignment, makeLearnerOn, progressRow, words } from "@/db/test/learner-factories";
import { makeUser } from "@/db/test/factories";
import { setupTestDb } from "@/db/test/test-db";
import { boundariesModule } from "@/lib/learning/module/boundaries";
import { getModuleVersion } from "@/lib/learning/module/publish";
import { answersWithCorrect } from "@/lib/learning/quiz/answer-key";
import { DomainError } from "@/lib/platform/errors";
import { startAttempt, submitAttempt } from "@/lib/learning/quiz/attempts";
import { getReflection, getReflectionsPage, saveReflectionDraft, submitReflection } from "./drafts";

const t = setupTestDb();
const [P1, P2, P3] = boundariesModule.reflections.map((r) => r.id);
const LONG = words(80);

async function refused(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, "expected a refusal").toBeInstanceOf(DomainError);
  return e as DomainError;
}

async function reflectionRow(progressId: string, promptId: string) {
  const [r] = await t.db
    .select()
    .from(reflections)
    .where(and(eq(reflections.progressId, progressId), eq(reflections.promptId, promptId)));
  return r;
}

async function passQuiz(learner: { id: string; role: "learner" }, progressId: string) {
  const { attemptId } = await startAttempt({ learner, progressId });
  const [a] = await t.db.select().from(quizAttempts).where(eq(quizAttempts.id, attemptId));
  const v = await getModuleVersion(a.moduleVersionId);
  return submitAttempt({ learner, attemptId, answers: answersWithCorrect(v!.content, a.draw, 10) });
}

async function certificatesOf(progressId: string) {
  return t.db.select().from(certificates).where(eq(certificates.progressId, progressId));
}

describe("autosaving drafts", () => {
  it("saves with a version number and refuses a stale version, keeping the newer text", async () => {
    const { assignment } = await makeAssignment();
    const { learner, progressId } = await makeLearnerOn(assignment);
    const first = await saveReflectionDraft({ learner, progressId, promptId: P1, body: "First words", baseVersion: 0 });
    expect(first).toMatchObject({ version: 1, status: "draft", wordCount: 2 });
    const tabA = await saveReflectionDraft({ learner, progressId, promptId: P1, body: "Tab A text here", baseVersion: 1 });
    expect(tabA.version).toBe(2);
    // tab B still edits version 1
    const e = await refused(saveReflectionDraft({ learner, progressId, promptId: P1, body: "Tab B text", baseVersion: 1 }));
    expect(e).toMatchObject({ code: "conflict", reason: "conflict" });
    expect(e.details?.current).toMatchObject({ body: "Tab A text here", version: 2 });
    expect((await reflectionRow(progressId, P1)).body).toBe("Tab A text here");
    // tab B chooses to overwrite, naming the version it has now seen
    expect(await saveReflectionDraft({ learner, progressId, promptId: P1, body: "Tab B text", baseVersion: 2 })).toMatchObject({
      version: 3,
      body: "Tab B text",
    });
    // a second tab that believed nothing was saved yet is also refused
    expect((await refused(saveReflectionDraft({ learner, progressId, promptId: P1, body: "x", baseVersion: 0 }))).reason).toBe("conflict");
    // and a tab that believed something was saved when nothing was
    expect((await refused(saveReflectionDraft({ learner, progressId, promptId: P2, body: "x", baseVersion: 4 }))).reason).toBe("conflict");
    expect(await getReflection({ learner, progressId, promptId: P1 })).toMatchObject({ body: "Tab B text", version: 3 });
  });

  it("pins the version at the first save and records the activity", async () => {
    const { assignment } = await makeAssignment();
    const { learner, progressId } = await makeLearnerOn(assignment);
    await saveReflectionDraft({ learner, progressId, promptId: P2, body: "", baseVersion: 0 });
    const p = await progressRow(progressId);
    expect(p.moduleVersionId).not.toBeNull();
    expect(p.startedAt).not.toBeNull();
    expect((await reflectionRow(progressId, P2)).moduleVersionId).toBe(p.moduleVersionId);
  });

  it("refuses an unknown prompt, overlong text, a closed assignment, and anyone else's progress", async () => {
    const { assignment, cohort } = await makeAssignment();
    const { learner, progressId } = await makeLearnerOn(assignment);
    const other = await makeLearnerOn(assignment);
    const instructor = { id: (await makeUser({ role: "instructor" })).id, role: "instructor" as const };
    expect((await refused(saveReflectionDraft({ learner, progressId, promptId: "nope", body: "x", baseVersion: 0 }))).code).toBe("invalid");
    expect((await refused(saveReflectionDraft({ learner, progressId, promptId: P1, body: "x".repeat(20_001), baseVersion: 0 }))).code).toBe(
      "invalid",
    );
    await saveReflectionDraft({ learner, progressId, promptId: P1, body: "Mine, private", baseVersion: 0 });
    for (const who of [other.learner, instructor]) {
      const edits = [
        () => saveReflectionDraft({ learner: who, progressId, promptId: P1, body: "overwritten", baseVersion: 1 }),
        () => submitReflection({ learner: who, progressId, promptId: P1, body: LONG, baseVersion: 1 }),
        () => getReflection({ learner: who, progressId, promptId: P1 }),
        () => getReflectionsPage({ learner: who, progressId }),
      ];
      for (const edit of edits) {
        const err = await refused(edit());
        expect(err.code).toBe("not_found");
        expect(JSON.stringify({ message: err.message, ...err.details })).not.toContain("Mine, private");
      }
    }
    expect((await reflectionRow(progressId, P1)).body).toBe("Mine, private");
    await t.db.update(cohorts).set({ status: "archived" }).where(eq(cohorts.id, cohort.id));
    expect(await refused(saveReflectionDraft({ learner, progressId, promptId: P1, body: "later", baseVersion: 1 }))).toMatchObject({
      code: "conflict",
      reason: "closed",
    });
    expect((await reflectionRow(progressId, P1)).body).toBe("Mine, private");
  });
});

describe("submitting reflections", () => {
  it("below the minimum word count explains what is missing and changes nothing", async () => {
    const { assignment } = await makeAssignment();
    const { learner, progressId } = await makeLearnerOn(assignment);
    await saveReflectionDraft({ learner, progressId, promptId: P1, body: words(10), baseVersion: 0 });
    const e = await refused(submitReflection({ learner, progressId, promptId: P1, body: words(70), baseVersion: 1 }));
    expect(e).toMatchObject({ code: "invalid", reason: "too_short" });
    expect(e.message).toContain("70 words");
    expect(e.message).toContain("at least 5 more");
    expect(e.details).toMatchObject({ wordCount: 70, minWords: 75 });
    expect(await reflectionRow(progressId, P1)).toMatchObject({ status: "draft", version: 1, submittedAt: null });
  });

  it("locks the reflection; the same submit again is answered as before; a revision request reopens it with feedback", async () => {
    const { assignment } = await makeAssignment();
    const { learner, progressId } = await makeLearnerOn(assignment);
    const s = await submitReflection({ learner, progressId, promptId: P1, body: LONG, baseVersion: 0 });
    expect(s).toMatchObject({ status: "submitted", version: 1, completed: false });
    expect(s.submittedAt).not.toBeNull();
    expect((await progressRow(progressId)).reflectionsSubmitted).toBe(1);
    const again = await submitReflection({ learner, progressId, promptId: P1, body: LONG, baseVersion: 0 });
    expect(again).toMatchObject({ status: "submitted", version: 1 });
    const locked = await refused(saveReflectionDraft({ learner, progressId, promptId: P1, body: "edit", baseVersion: 1 }));
    expect(locked).toMatchObject({ code: "conflict", reason: "locked" });
    expect(await refused(submitReflection({ learner, progressId, promptId: P1, body: `${LONG} more`, baseVersion: 1 }))).toMatchObject({
      code: "conflict",
      reason: "locked",
    });

    // the instructor side (another area) records a review like this
    const r = await reflectionRow(progressId, P1);
    await t.db.update(reflections).set({ status: "revision_requested" }).where(eq(reflections.id, r.id));
    await t.db
      .insert(reflectionReviews)
      .values({ reflectionId: r.id, decision: "revision_requested", feedback: "Say more about your plan." });
    const page = await getReflectionsPage({ learner, progressId });
    const first = page.prompts.find((p) => p.prompt.id === P1)!;
    expect(first.reflection.status).toBe("revision_requested");
    expect(first.latestReview).toMatchObject({ decision: "revision_requested", feedback: "Say more about your plan." });
    expect(page.prompts.find((p) => p.prompt.id === P2)!.reflection).toMatchObject({ version: 0, body: "" });

    const edited = await saveReflectionDraft({ learner, progressId, promptId: P1, body: `${LONG} plan`, baseVersion: 1 });
    expect(edited).toMatchObject({ status: "revision_requested", version: 2 });
    const resubmitted = await submitReflection({ learner, progressId, promptId: P1, body: `${LONG} plan`, baseVersion: 2 });
    expect(resubmitted.status).toBe("submitted");
    expect((await progressRow(progressId)).reflectionsSubmitted).toBe(1);
  });
});

describe("submitting right after typing (issue 15, defect 2)", () => {
  it("succeeds at once with the latest text when it names the version the in-flight autosave made; racing it is refused", async () => {
    const { assignment } = await makeAssignment();
    const { learner, progressId } = await makeLearnerOn(assignment);
    const first = await saveReflectionDraft({ learner, progressId, promptId: P1, body: words(40), baseVersion: 0 });
    // the autosave of what was typed a second ago is on its way while the learner types the last words and clicks Submit
    const inFlight = saveReflectionDraft({ learner, progressId, promptId: P1, body: words(78), baseVersion: first.version });
    // what the editor did before: submit with the version it had, racing the autosave into a stale-version conflict
    const raced = await refused(
      inFlight.then(() => submitReflection({ learner, progressId, promptId: P1, body: LONG, baseVersion: first.version })),
    );
    expect(raced).toMatchObject({ code: "conflict", reason: "conflict" });
    // what it does now: wait for the autosave, then submit the latest text naming the version it made
    const landed = await inFlight;
    const submitted = await submitReflection({ learner, progressId, promptId: P1, body: LONG, baseVersion: landed.version });
    expect(submitted).toMatchObject({ status: "submitted", body: LONG, version: landed.version + 1 });
    expect(await reflectionRow(progressId, P1)).toMatchObject({ status: "submitted", body: LONG });
    expect((await progressRow(progressId)).reflectionsSubmitted).toBe(1);
  });
});

describe("completion", () => {
  it("happens in the transaction of the last reflection, with one certificate", async () => {
    const { assignment } = await makeAssignment();
    const { learner, progressId } = await makeLearnerOn(assignment);
    const quiz = await passQuiz(learner, progressId);
    expect(quiz.completed).toBe(false);
    await submitReflection({ learner, progressId, promptId: P1, body: LONG, baseVersion: 0 });
    await saveReflectionDraft({ learner, progressId, promptId: P2, body: "draft", baseVersion: 0 });
    await submitReflection({ learner, progressId, promptId: P2, body: LONG, baseVersion: 1 });
    expect((await progressRow(progressId)).completedAt).toBeNull();
    const now = new Date();
    const [x, y] = await Promise.all([
      submitReflection({ learner, progressId, promptId: P3, body: LONG, baseVersion: 0, now }),
      submitReflection({ learner, progressId, promptId: P3, body: LONG, baseVersion: 0, now }),
    ]);
    expect(x.completed && y.completed).toBe(true);
    const p = await progressRow(progressId);
    expect(p.completedAt?.getTime()).toBe(now.getTime());
    expect(p.reflectionsSubmitted).toBe(3);
    const certs = await certificatesOf(progressId);
    expect(certs).toHaveLength(1);
    expect([x.certificateId, y.certificateId].filter(Boolean)).toEqual([certs[0].id]);
    expect(certs[0].completedAt.getTime()).toBe(now.getTime());
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "progress.complete"), eq(auditLog.targetId, progressId)));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0].details)).not.toContain("boundary");
  });

  it("happens in the quiz submission when the reflections came first; later events change nothing", async () => {
    const { assignment } = await makeAssignment();
    const { learner, progressId } = await makeLearnerOn(assignment);
    for (const promptId of [P1, P2, P3]) await submitReflection({ learner, progressId, promptId, body: LONG, baseVersion: 0 });
    const { attemptId } = await startAttempt({ learner, progressId });
    const [a] = await t.db.select().from(quizAttempts).where(eq(quizAttempts.id, attemptId));
    const answers = answersWithCorrect(boundariesModule, a.draw, 5);
    const failed = await submitAttempt({ learner, attemptId, answers });
    expect(failed.completed).toBe(false);
    const passed = await passQuiz(learner, progressId);
    expect(passed.completed).toBe(true);
    const [cert] = await certificatesOf(progressId);
    expect(passed.certificateId).toBe(cert.id);
    const completedAt = (await progressRow(progressId)).completedAt;
    expect(completedAt?.getTime()).toBe(
      (await t.db.select().from(quizAttempts).where(eq(quizAttempts.id, passed.attemptId)))[0].submittedAt?.getTime(),
    );

    // a revision request and a later attempt do not undo completion or issue another certificate
    const r = await reflectionRow(progressId, P2);
    await t.db.update(reflections).set({ status: "revision_requested" }).where(eq(reflections.id, r.id));
    await submitReflection({ learner, progressId, promptId: P2, body: `${LONG} again`, baseVersion: r.version });
    await passQuiz(learner, progressId);
    expect((await progressRow(progressId)).completedAt?.getTime()).toBe(completedAt?.getTime());
    expect(await certificatesOf(progressId)).toHaveLength(1);
  });
});
