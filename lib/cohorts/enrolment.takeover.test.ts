/**
 * Security round 2, findings 1 and 12: an instructor must not gain an
 * account, or a look at a learner's other training, by adding an email to
 * their own cohort.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { cohortInstructors, enrolments, pendingEnrolments } from "@/db/schema";
import { makeCompletedProgress } from "@/db/test/certificate-factories";
import { uniqueEmail } from "@/db/test/factories";
import { expectNotFound, makeAssignment, makeCohort, makeInstructor, makeLearner } from "@/db/test/instructor-factories";
import { setupTestDb } from "@/db/test/test-db";
import { lookupAccountToken, setPasswordWithToken } from "@/lib/accounts/set-password-links";
import { authenticate } from "@/lib/accounts/sign-in";
import { getRecordLearnerForStaff } from "@/lib/access/certificates";
import { issueCertificate } from "@/lib/certificates/issue";
import { getTrainingRecord } from "@/lib/certificates/record";
import { publishBuiltInModules } from "@/lib/learning/module/publish";
import { enrolByEmail, issueSetPasswordLink, removeLearner } from "./enrolment";
import { acceptPendingEnrolment, declinePendingEnrolment, listCohortPendingEnrolments, listPendingEnrolments } from "./pending-enrolments";
import { importRosterRows } from "./roster-import";

const t = setupTestDb();
let moduleId: string;
beforeAll(async () => {
  ({ moduleId } = await publishBuiltInModules());
});

async function cohortOf() {
  const instructor = await makeInstructor();
  const cohort = await makeCohort({ instructorIds: [instructor.id] });
  await makeAssignment({ cohortId: cohort.id, moduleId });
  return { instructor, cohort };
}
const tokenOf = (path: string) => path.split("/").pop()!;
const enrolmentOf = async (cohortId: string, userId: string) =>
  (
    await t.db
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.cohortId, cohortId), eq(enrolments.userId, userId)))
  )[0];

describe("finding 1: an instructor takes over a learner who has no password yet", () => {
  it("another instructor who adds the same email gets no link, and the first link keeps working", async () => {
    const a = await cohortOf();
    const b = await cohortOf();
    const email = uniqueEmail("victim");
    const made = await enrolByEmail({ actor: a.instructor, cohortId: a.cohort.id, email, name: "Vic Tim" });
    if (made.outcome !== "created") throw new Error("expected a new account");
    const l1 = tokenOf(made.setPasswordPath!);

    // instructor B adds the same email to their own cohort: the learner is asked, not enrolled
    const added = await enrolByEmail({ actor: b.instructor, cohortId: b.cohort.id, email });
    expect(added.outcome).toBe("offered");
    expect(await enrolmentOf(b.cohort.id, made.learner.id)).toBeUndefined();
    // ...and B cannot make a set-password link for them
    await expectNotFound(issueSetPasswordLink({ actor: b.instructor, cohortId: b.cohort.id, learnerId: made.learner.id }));
    expect(await lookupAccountToken(l1)).toMatchObject({ ok: true });

    // even once the learner has accepted B's cohort, the account is not B's to hand out
    const victim = { id: made.learner.id, role: "learner" as const, email };
    const [offer] = await listPendingEnrolments({ learner: victim });
    await acceptPendingEnrolment({ learner: victim, pendingId: offer.id });
    await expect(issueSetPasswordLink({ actor: b.instructor, cohortId: b.cohort.id, learnerId: made.learner.id })).rejects.toThrow(
      /Only the instructor who created this account/,
    );
    expect(await lookupAccountToken(l1)).toMatchObject({ ok: true });

    // the learner sets their password with the first link and it is theirs
    await setPasswordWithToken(l1, "victim's own passphrase", "10.61.0.1");
    expect((await authenticate({ email, password: "victim's own passphrase", ip: "10.61.0.1" })).ok).toBe(true);
  });

  it("the instructor who made the account may renew its link only while it has never had a password", async () => {
    const a = await cohortOf();
    const made = await enrolByEmail({ actor: a.instructor, cohortId: a.cohort.id, email: uniqueEmail(), name: "Pat New" });
    if (made.outcome !== "created") throw new Error("expected a new account");
    const again = await issueSetPasswordLink({ actor: a.instructor, cohortId: a.cohort.id, learnerId: made.learner.id });
    await setPasswordWithToken(tokenOf(again.path), "pat's chosen passphrase", "10.61.0.2");
    await expect(issueSetPasswordLink({ actor: a.instructor, cohortId: a.cohort.id, learnerId: made.learner.id })).rejects.toThrow(
      /chosen a password already/,
    );
    // a co-instructor who did not make the account cannot either
    const co = await makeInstructor();
    const other = await enrolByEmail({ actor: a.instructor, cohortId: a.cohort.id, email: uniqueEmail(), name: "Pat Two" });
    if (other.outcome !== "created") throw new Error("expected a new account");
    await t.db.insert(cohortInstructors).values({ cohortId: a.cohort.id, userId: co.id });
    await expect(issueSetPasswordLink({ actor: co, cohortId: a.cohort.id, learnerId: other.learner.id })).rejects.toThrow(
      /Only the instructor/,
    );
  });

  it("a roster import with someone else's learner asks them too, and gives no link", async () => {
    const b = await cohortOf();
    const learner = await makeLearner({ passwordHash: null });
    const r = await importRosterRows({
      actor: b.instructor,
      cohortId: b.cohort.id,
      rows: [{ line: 2, name: "Any Name", email: learner.email }],
    });
    expect(r.counts).toMatchObject({ created: 0, enrolled: 0, asked: 1 });
    expect(r.links).toEqual([]);
    expect(await enrolmentOf(b.cohort.id, learner.id)).toBeUndefined();
  });
});

describe("the learner's answer", () => {
  it("decline shares nothing and the instructor sees only the email they typed; adding again asks again", async () => {
    const b = await cohortOf();
    const learner = await makeLearner({ name: "Private Person" });
    await enrolByEmail({ actor: b.instructor, cohortId: b.cohort.id, email: learner.email });
    const [offer] = await listPendingEnrolments({ learner });
    expect(offer).toMatchObject({ cohortName: b.cohort.name, invitedByName: b.instructor.name });
    const shown = await listCohortPendingEnrolments({ actor: b.instructor, cohortId: b.cohort.id });
    expect(shown).toEqual([{ id: offer.id, email: learner.email, createdAt: expect.any(Date), declinedAt: null }]);
    expect(JSON.stringify(shown)).not.toContain("Private Person");

    await declinePendingEnrolment({ learner, pendingId: offer.id });
    expect(await listPendingEnrolments({ learner })).toEqual([]);
    expect(await enrolmentOf(b.cohort.id, learner.id)).toBeUndefined();
    await expect(acceptPendingEnrolment({ learner, pendingId: offer.id })).rejects.toThrow(/no longer open/);

    expect((await enrolByEmail({ actor: b.instructor, cohortId: b.cohort.id, email: learner.email })).outcome).toBe("offered");
    expect(await listPendingEnrolments({ learner })).toHaveLength(1);
  });

  it("another learner cannot answer someone else's invitation", async () => {
    const b = await cohortOf();
    const learner = await makeLearner();
    const other = await makeLearner();
    await enrolByEmail({ actor: b.instructor, cohortId: b.cohort.id, email: learner.email });
    const [offer] = await listPendingEnrolments({ learner });
    await expect(acceptPendingEnrolment({ learner: other, pendingId: offer.id })).rejects.toThrow(/no longer open/);
    await expect(declinePendingEnrolment({ learner: other, pendingId: offer.id })).rejects.toThrow(/no longer open/);
    expect(await enrolmentOf(b.cohort.id, other.id)).toBeUndefined();
    expect((await t.db.select().from(pendingEnrolments).where(eq(pendingEnrolments.id, offer.id)))[0].declinedAt).toBeNull();
  });
});

describe("finding 12: an instructor widens their scope by adding, then removing, a learner", () => {
  it("adding someone else's learner opens nothing of their record", async () => {
    const { learner, progress } = await makeCompletedProgress();
    await issueCertificate(t.db, progress.id);
    const b = await cohortOf();
    await enrolByEmail({ actor: b.instructor, cohortId: b.cohort.id, email: learner.email });
    // nothing to remove: the add enrolled no one
    await expectNotFound(removeLearner({ actor: b.instructor, cohortId: b.cohort.id, learnerId: learner.id }));
    expect(await getRecordLearnerForStaff({ viewer: b.instructor, learnerId: learner.id })).toBeNull();
  });

  it("once the learner joined, the record shows the instructor only the cohorts they teach", async () => {
    const first = await makeCompletedProgress();
    const cert1 = await issueCertificate(t.db, first.progress.id);
    const b = await cohortOf();
    await enrolByEmail({ actor: b.instructor, cohortId: b.cohort.id, email: first.learner.email });
    await acceptPendingEnrolment({ learner: first.learner, pendingId: (await listPendingEnrolments({ learner: first.learner }))[0].id });
    await removeLearner({ actor: b.instructor, cohortId: b.cohort.id, learnerId: first.learner.id });

    const seen = await getRecordLearnerForStaff({ viewer: b.instructor, learnerId: first.learner.id });
    expect(seen?.cohortIds).toEqual([b.cohort.id]);
    const record = await getTrainingRecord({ learnerId: first.learner.id, cohortIds: seen!.cohortIds });
    expect(record.entries).toEqual([]);
    expect(JSON.stringify(record)).not.toContain(cert1.code);
    // the instructor of the first cohort sees its certificate; an admin sees everything
    const own = await getRecordLearnerForStaff({ viewer: first.instructors[0], learnerId: first.learner.id });
    expect((await getTrainingRecord({ learnerId: first.learner.id, cohortIds: own!.cohortIds })).entries.map((e) => e.code)).toEqual([
      cert1.code,
    ]);
  });
});
