/**
 * Every event enqueues exactly its messages, in its own transaction: an
 * assignment (one per learner), an enrolment, a review (revision or
 * acceptance), a certificate. Repeating an event adds nothing.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { assignmentProgress, outboxMessages } from "@/db/schema";
import { makeCompletedProgress } from "@/db/test/certificate-factories";
import { enrol, makeCohort, makeInstructor, makeLearner, makeReflection, progressOf } from "@/db/test/instructor-factories";
import { setupTestDb } from "@/db/test/test-db";
import { issueCertificate } from "@/lib/certificates/issue";
import { assignModule } from "@/lib/cohorts/assignments";
import { enrolByEmail, enrolLearner } from "@/lib/cohorts/enrolment";
import { acceptPendingEnrolment, listPendingEnrolments } from "@/lib/cohorts/pending-enrolments";
import { compose } from "./compose";
import { reviewReflection } from "@/lib/learning/reviews";
import { publishBuiltInModules } from "@/lib/learning/module/publish";

setupTestDb();

const DAY = 86_400_000;
let moduleId: string;
let versionId: string;
beforeAll(async () => {
  ({ moduleId, versionId } = await publishBuiltInModules(getDb()));
});

const outboxOf = (userId: string, kind?: string) =>
  getDb()
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.recipientId, userId), kind ? eq(outboxMessages.kind, kind) : undefined));

describe("events enqueue their messages", () => {
  it("assigning a module tells each active learner once; a learner who joins later is told on enrolment", async () => {
    const instructor = await makeInstructor();
    const [a, b, late] = await Promise.all([makeLearner(), makeLearner(), makeLearner()]);
    const cohort = await makeCohort({ instructorIds: [instructor.id] });
    await enrol(cohort.id, a.id);
    await enrol(cohort.id, b.id);
    const actor = { id: instructor.id, role: "instructor" as const, email: instructor.email, name: instructor.name };
    await assignModule({
      actor,
      cohortId: cohort.id,
      moduleId,
      opensAt: new Date(Date.now() + DAY).toISOString(),
      dueAt: new Date(Date.now() + 14 * DAY).toISOString(),
    });
    expect(await outboxOf(a.id, "assigned")).toHaveLength(1);
    expect(await outboxOf(b.id, "assigned")).toHaveLength(1);
    expect(await outboxOf(late.id)).toHaveLength(0);

    await getDb().transaction((tx) => enrolLearner(tx, { cohortId: cohort.id, userId: late.id, source: "email", actor }));
    await getDb().transaction((tx) => enrolLearner(tx, { cohortId: cohort.id, userId: late.id, source: "email", actor }));
    const [m] = await outboxOf(late.id, "assigned");
    const [lateProgress] = await getDb().select().from(assignmentProgress).where(eq(assignmentProgress.userId, late.id));
    expect(m.subjectId).toBe(lateProgress.id);
    expect(await outboxOf(late.id, "assigned")).toHaveLength(1);
  });

  it("a revision request carries the feedback; an acceptance is its own message", async () => {
    const instructor = await makeInstructor();
    const learner = await makeLearner();
    const cohort = await makeCohort({ instructorIds: [instructor.id] });
    await enrol(cohort.id, learner.id);
    const actor = { id: instructor.id, role: "instructor" as const, email: instructor.email, name: instructor.name };
    const assignment = await assignModule({
      actor,
      cohortId: cohort.id,
      moduleId,
      opensAt: new Date(Date.now() - DAY).toISOString(),
      dueAt: new Date(Date.now() + 14 * DAY).toISOString(),
    });
    const progress = await progressOf(assignment.id, learner.id);
    const first = await makeReflection({ progressId: progress.id, moduleVersionId: versionId, promptId: "p1" });
    const second = await makeReflection({ progressId: progress.id, moduleVersionId: versionId, promptId: "p2" });
    await reviewReflection({
      actor,
      reflectionId: first.id,
      decision: "revision_requested",
      feedback: "Name the risk you saw.",
      version: first.version,
    });
    await reviewReflection({
      actor,
      reflectionId: second.id,
      decision: "accepted",
      version: second.version,
      scores: { situation: 2, reasoning: 2, words: 1, support: 1, privacy: 1 },
    });
    const [revision] = await outboxOf(learner.id, "revision_requested");
    expect(revision.payload).toMatchObject({ progressId: progress.id, feedback: "Name the risk you saw." });
    expect(await outboxOf(learner.id, "reflections_accepted")).toHaveLength(1);
  });

  it("issuing a certificate tells its holder once, however often issuing is called", async () => {
    const { progress } = await makeCompletedProgress();
    const cert = await getDb().transaction((tx) => issueCertificate(tx, progress.id));
    await getDb().transaction((tx) => issueCertificate(tx, progress.id));
    const mine = await outboxOf(cert.userId, "certificate_issued");
    expect(mine).toHaveLength(1);
    expect(mine[0].subjectId).toBe(cert.id);
  });

  it("an instructor adding an existing account asks the learner: one invitation, composed only while the offer is open", async () => {
    const instructor = await makeInstructor();
    const learner = await makeLearner();
    const cohort = await makeCohort({ instructorIds: [instructor.id] });
    const actor = { id: instructor.id, role: "instructor" as const, email: instructor.email, name: instructor.name };
    await enrolByEmail({ actor, cohortId: cohort.id, email: learner.email });
    await enrolByEmail({ actor, cohortId: cohort.id, email: learner.email }); // asked again while open: nothing new
    const [m] = await outboxOf(learner.id, "cohort_invitation");
    expect(await outboxOf(learner.id, "cohort_invitation")).toHaveLength(1);
    const text = await compose(getDb(), m, "America/Chicago", new Date());
    expect(text?.body).toContain(cohort.name);
    expect(text?.body).toContain(instructor.name);
    const [pending] = await listPendingEnrolments({ learner });
    await acceptPendingEnrolment({ learner: { id: learner.id, role: "learner", email: learner.email }, pendingId: pending.id });
    expect(await compose(getDb(), m, "America/Chicago", new Date())).toBeNull(); // accepted before it went: nothing to send
  });
});
