import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { certificates, enrolments, quizAttempts, sectionReads } from "@/db/schema";
import { makeAssignment, makeLearnerOn, progressRow, words } from "@/db/test/learner-factories";
import { setupTestDb } from "@/db/test/test-db";
import { boundariesModule } from "@/lib/learning/module/boundaries";
import { answersWithCorrect } from "@/lib/learning/quiz/answer-key";
import { startAttempt, submitAttempt } from "@/lib/learning/quiz/attempts";
import { submitReflection } from "@/lib/learning/reflections/drafts";
import { createProgressForEnrolment } from "@/lib/learning/progress/rows";
import { DomainError } from "@/lib/platform/errors";
import { listLearnerAssignments } from "./home";
import { recordSectionRead } from "./reads";

const t = setupTestDb();
const DAY = 86_400_000;
const sections = boundariesModule.sections.map((s) => s.id);

describe("reading the lesson", () => {
  it("records each section once, counts them, pins the version and starts the progress", async () => {
    const { assignment } = await makeAssignment();
    const { learner, progressId } = await makeLearnerOn(assignment);
    expect(await recordSectionRead({ learner, progressId, sectionId: sections[0] })).toEqual({ sectionsRead: 1 });
    expect(await recordSectionRead({ learner, progressId, sectionId: sections[0] })).toEqual({ sectionsRead: 1 });
    await Promise.all([
      recordSectionRead({ learner, progressId, sectionId: sections[1] }),
      recordSectionRead({ learner, progressId, sectionId: sections[2] }),
    ]);
    const p = await progressRow(progressId);
    expect(p).toMatchObject({ sectionsRead: 3 });
    expect(p.moduleVersionId).not.toBeNull();
    expect(p.startedAt).not.toBeNull();
    expect(await t.db.select().from(sectionReads).where(eq(sectionReads.progressId, progressId))).toHaveLength(3);
  });

  it("refuses an unknown section and another learner's progress", async () => {
    const { assignment } = await makeAssignment();
    const { learner, progressId } = await makeLearnerOn(assignment);
    const other = await makeLearnerOn(assignment);
    const e1 = await recordSectionRead({ learner, progressId, sectionId: "nope" }).catch((e) => e);
    expect(e1).toBeInstanceOf(DomainError);
    expect(e1.code).toBe("invalid");
    const e2 = await recordSectionRead({ learner: other.learner, progressId, sectionId: sections[0] }).catch((e) => e);
    expect(e2.code).toBe("not_found");
    expect(await progressRow(progressId)).toMatchObject({ sectionsRead: 0, startedAt: null });
  });
});

describe("the learner's home list", () => {
  it("lists each assignment of active enrolments with status, progress and one next step", async () => {
    const current = await makeAssignment({ dueAt: new Date(Date.now() + 5 * DAY) });
    const { user, learner, progressId } = await makeLearnerOn(current.assignment);
    const late = await makeAssignment({ opensAt: new Date(Date.now() - 20 * DAY), dueAt: new Date(Date.now() - 2 * DAY) });
    const done = await makeAssignment({ dueAt: new Date(Date.now() + 9 * DAY) });
    const future = await makeAssignment({ opensAt: new Date(Date.now() + 2 * DAY), dueAt: new Date(Date.now() + 30 * DAY) });
    const removed = await makeAssignment();
    for (const a of [late, done, future, removed]) {
      await t.db.insert(enrolments).values({ cohortId: a.cohort.id, userId: user.id, source: "seed" });
      await createProgressForEnrolment(t.db, a.cohort.id, user.id);
    }
    await t.db.update(enrolments).set({ status: "removed" }).where(eq(enrolments.cohortId, removed.cohort.id));

    await recordSectionRead({ learner, progressId, sectionId: sections[0] });
    await recordSectionRead({ learner, progressId, sectionId: sections[1] });
    await startAttempt({ learner, progressId });
    const list0 = await listLearnerAssignments({ userId: user.id });
    expect(list0.find((r) => r.progressId === progressId)?.next.label).toBe("Continue the quiz");

    // complete the third assignment
    const doneRow = (await listLearnerAssignments({ userId: user.id })).find((r) => r.cohortName === done.cohort.name)!;
    const d = await startAttempt({ learner, progressId: doneRow.progressId });
    const [a] = await t.db.select().from(quizAttempts).where(eq(quizAttempts.id, d.attemptId));
    await submitAttempt({ learner, attemptId: d.attemptId, answers: answersWithCorrect(boundariesModule, a.draw, 10) });
    for (const r of boundariesModule.reflections)
      await submitReflection({ learner, progressId: doneRow.progressId, promptId: r.id, body: words(80), baseVersion: 0 });

    const list = await listLearnerAssignments({ userId: user.id });
    expect(list.map((r) => r.cohortName)).toEqual([late.cohort.name, current.cohort.name, future.cohort.name, done.cohort.name]);
    const byCohort = Object.fromEntries(list.map((r) => [r.cohortName, r]));
    expect(byCohort[current.cohort.name]).toMatchObject({
      status: "in_progress",
      sectionsRead: 2,
      sectionsTotal: sections.length,
      reflectionsTotal: 3,
      hasOpenAttempt: true,
      passMark: 80,
      window: "open",
    });
    expect(byCohort[late.cohort.name]).toMatchObject({ status: "overdue", next: { label: "Start the lesson" } });
    expect(byCohort[future.cohort.name]).toMatchObject({ status: "not_started", window: "not_open", next: { href: null } });
    const [cert] = await t.db.select().from(certificates).where(eq(certificates.progressId, doneRow.progressId));
    expect(byCohort[done.cohort.name]).toMatchObject({
      status: "complete",
      bestScore: 100,
      quizPassed: true,
      reflectionsSubmitted: 3,
      certificateId: cert.id,
      next: { label: "View your certificate", href: `/certificates/${cert.id}` },
    });
    expect(byCohort[removed.cohort.name]).toBeUndefined();
    expect(await listLearnerAssignments({ userId: (await makeLearnerOn(removed.assignment)).user.id })).toHaveLength(1);
  });
});
