import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { certificates, enrolments, quizAttempts } from "@/db/schema";
import { makeUser } from "@/db/test/factories";
import { makeAssignment, makeLearnerOn, makeModule, progressRow, words } from "@/db/test/learner-factories";
import { setupTestDb } from "@/db/test/test-db";
import { getTrainingRecord } from "@/lib/certificates/record";
import { listLearnerAssignments } from "@/lib/learning/home";
import { boundariesModule } from "@/lib/learning/module/boundaries";
import { publishModule } from "@/lib/learning/module/publish";
import { answersWithCorrect } from "@/lib/learning/quiz/answer-key";
import { startAttempt, submitAttempt } from "@/lib/learning/quiz/attempts";
import { recordSectionRead } from "@/lib/learning/reads";
import { submitReflection } from "@/lib/learning/reflections/drafts";
import { listCohortLearners } from "@/lib/reports/cohort-progress";
import { getOrganisationTiles } from "@/lib/reports/organisation";
import { createProgressForEnrolment } from "./rows";

const t = setupTestDb();
type Learner = { id: string; role: "learner" };

async function complete(learner: Learner, progressId: string) {
  const d = await startAttempt({ learner, progressId });
  const [a] = await t.db.select().from(quizAttempts).where(eq(quizAttempts.id, d.attemptId));
  await submitAttempt({ learner, attemptId: d.attemptId, answers: answersWithCorrect(boundariesModule, a.draw, 10) });
  for (const r of boundariesModule.reflections)
    await submitReflection({ learner, progressId, promptId: r.id, body: words(80), baseVersion: 0 });
}

async function enrolIn(cohortId: string, userId: string) {
  await t.db.insert(enrolments).values({ cohortId, userId, source: "seed" });
  await createProgressForEnrolment(t.db, cohortId, userId);
}

async function progressIn(userId: string, cohortName: string) {
  const row = (await listLearnerAssignments({ userId })).find((r) => r.cohortName === cohortName);
  if (!row) throw new Error(`no row in ${cohortName}`);
  return row;
}

describe("prior completion", () => {
  it("completing a module version in cohort A completes it in cohort B: one certificate, hours once", async () => {
    const instructor = await makeUser({ role: "instructor", name: "Prior Instructor" });
    const admin = { id: (await makeUser({ role: "admin" })).id, role: "admin" as const, email: "a@example.test" };
    const { moduleId } = await makeModule();
    const a = await makeAssignment({ moduleId, instructorId: instructor.id });
    const b = await makeAssignment({ moduleId, instructorId: instructor.id });
    const { user, learner, progressId } = await makeLearnerOn(a.assignment);
    await enrolIn(b.cohort.id, user.id);
    const before = await progressIn(user.id, b.cohort.name);
    expect(before.alsoIn).toEqual([a.cohort.name]);
    expect(before.completedAt).toBeNull();

    await complete(learner, progressId);

    const earned = await progressRow(progressId);
    expect(earned.completedAt).not.toBeNull();
    expect(earned.creditedFromProgressId).toBeNull();
    const credited = await progressRow(before.progressId);
    expect(credited).toMatchObject({
      completedAt: earned.completedAt,
      creditedFromProgressId: progressId,
      moduleVersionId: earned.moduleVersionId,
    });

    // one certificate, shown on both cards; the credited card names the cohort it was completed in
    const certs = await t.db.select().from(certificates).where(eq(certificates.userId, user.id));
    expect(certs).toHaveLength(1);
    const cardB = await progressIn(user.id, b.cohort.name);
    expect(cardB).toMatchObject({ status: "complete", creditedFromCohortName: a.cohort.name, certificateId: certs[0].id });
    expect((await progressIn(user.id, a.cohort.name)).creditedFromCohortName).toBeNull();

    // hours once: the record (certificates) and the organisation tiles
    const record = await getTrainingRecord({ learnerId: user.id });
    expect(record.entries).toHaveLength(1);
    expect(record.totalHours).toBe(boundariesModule.contactHours);
    const tiles = await getOrganisationTiles({ actor: admin, filters: { sort: "name", dir: "asc", page: 1, instructor: instructor.id } });
    expect(tiles).toMatchObject({ completed: 2, contactHours: boundariesModule.contactHours });

    // the instructor of B sees the learner complete, said to be by prior completion
    const table = await listCohortLearners({
      actor: { id: instructor.id, role: "instructor", email: instructor.email },
      cohortId: b.cohort.id,
      assignmentId: b.assignment.id,
    });
    expect(table.rows[0]).toMatchObject({ userId: user.id, status: "complete", byPriorCompletion: true });
  });

  it("a cohort joined after the completion is complete on enrolment, and a second completion issues nothing", async () => {
    const { moduleId } = await makeModule();
    const a = await makeAssignment({ moduleId });
    const { user, learner, progressId } = await makeLearnerOn(a.assignment);
    await complete(learner, progressId);
    const later = await makeAssignment({ moduleId });
    await enrolIn(later.cohort.id, user.id);
    const card = await progressIn(user.id, later.cohort.name);
    expect(card).toMatchObject({ status: "complete", creditedFromCohortName: a.cohort.name });
    expect(await t.db.select().from(certificates).where(eq(certificates.userId, user.id))).toHaveLength(1);
  });

  it("completing a different version of the module does not count", async () => {
    const slug = `prior-${Date.now()}`;
    const { moduleId } = await makeModule(undefined, slug);
    const a = await makeAssignment({ moduleId });
    const b = await makeAssignment({ moduleId });
    const { user, learner } = await makeLearnerOn(a.assignment);
    await enrolIn(b.cohort.id, user.id);
    // B starts on version 1 (pinned at the first section read) …
    const inB = await progressIn(user.id, b.cohort.name);
    await recordSectionRead({ learner, progressId: inB.progressId, sectionId: boundariesModule.sections[0].id });
    // … then version 2 is published, and A (not started) works against it
    const v2 = structuredClone(boundariesModule);
    v2.slug = slug;
    v2.summary = `${v2.summary} Revised.`;
    await publishModule(v2);
    const inA = await progressIn(user.id, a.cohort.name);
    await complete(learner, inA.progressId);

    expect((await progressRow(inA.progressId)).completedAt).not.toBeNull();
    const b1 = await progressRow(inB.progressId);
    expect(b1).toMatchObject({ completedAt: null, creditedFromProgressId: null });
    expect((await progressIn(user.id, b.cohort.name)).status).not.toMatch(/complete/);
  });
});
