import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  accountTokens,
  assignmentProgress,
  auditLog,
  authSessions,
  certificates,
  enrolments,
  quizAttempts,
  quizResponses,
  reflectionReviews,
  reflections,
  sectionReads,
  users,
} from "@/db/schema";
import { makeUser, TEST_PASSWORD } from "@/db/test/factories";
import { makeLearnerWithHistory, REFLECTION_TEXT } from "@/db/test/prod-factories";
import { setupTestDb } from "@/db/test/test-db";
import { createAccountToken } from "../accounts/set-password-links";
import { resolveSession } from "../accounts/sessions";
import { authenticate } from "../accounts/sign-in";
import { getPersonalDataExport } from "./data-export";
import { ERASED_NAME, erasedEmail, erasePersonalData, getErasurePreview } from "./erasure";

const t = setupTestDb();

async function admin() {
  const u = await makeUser({ role: "admin" });
  return { id: u.id, email: u.email, role: "admin" as const };
}

/** Every row of the tables erasure touches that belongs to one learner. */
async function rowsOf(userId: string, progressId: string, attemptId: string, reflectionId: string) {
  const db = t.db;
  return {
    reflections: (await db.select().from(reflections).where(eq(reflections.userId, userId))).length,
    reviews: (await db.select().from(reflectionReviews).where(eq(reflectionReviews.reflectionId, reflectionId))).length,
    attempts: (await db.select().from(quizAttempts).where(eq(quizAttempts.userId, userId))).length,
    responses: (await db.select().from(quizResponses).where(eq(quizResponses.attemptId, attemptId))).length,
    reads: (await db.select().from(sectionReads).where(eq(sectionReads.progressId, progressId))).length,
  };
}

describe("erasePersonalData", () => {
  it("deletes reflections, drafts, reviews, attempts, answers and reads; resets progress; revokes certificates with the reason", async () => {
    const actor = await admin();
    const a = await makeLearnerWithHistory();
    const b = await makeLearnerWithHistory({ name: "Other Learner" });
    const signIn = await authenticate({ email: a.learner.email, password: TEST_PASSWORD, ip: "10.50.0.1" });
    if (!signIn.ok) throw new Error("sign-in failed");
    await createAccountToken(t.db, { userId: a.learner.id, purpose: "set_password", createdBy: actor.id });
    expect(await rowsOf(a.learner.id, a.progress.id, a.attempt.id, a.reflection.id)).toEqual({
      reflections: 2,
      reviews: 1,
      attempts: 1,
      responses: 2,
      reads: 2,
    });

    const summary = await erasePersonalData({
      actor,
      userId: a.learner.id,
      certificates: "revoke",
      reason: "Erased at the learner's request",
      ip: "10.50.0.9",
    });
    expect(summary).toMatchObject({
      reflections: 2,
      reflectionReviews: 1,
      quizAttempts: 1,
      quizResponses: 2,
      sectionReads: 2,
      certificates: "revoke",
      certificatesAffected: 1,
      enrolmentsEnded: 1,
    });

    expect(await rowsOf(a.learner.id, a.progress.id, a.attempt.id, a.reflection.id)).toEqual({
      reflections: 0,
      reviews: 0,
      attempts: 0,
      responses: 0,
      reads: 0,
    });
    const [progress] = await t.db.select().from(assignmentProgress).where(eq(assignmentProgress.id, a.progress.id));
    expect(progress).toMatchObject({
      sectionsRead: 0,
      attemptsCount: 0,
      bestScore: null,
      quizPassedAt: null,
      reflectionsSubmitted: 0,
      startedAt: null,
      completedAt: null,
      lastActivityAt: null,
      moduleVersionId: null,
    });
    const [cert] = await t.db.select().from(certificates).where(eq(certificates.userId, a.learner.id));
    expect(cert.revokedAt).not.toBeNull();
    expect(cert).toMatchObject({ revokedReason: "Erased at the learner's request", revokedBy: actor.id });
    const [enrolment] = await t.db.select().from(enrolments).where(eq(enrolments.userId, a.learner.id));
    expect(enrolment.status).toBe("removed");

    const [account] = await t.db.select().from(users).where(eq(users.id, a.learner.id));
    expect(account).toMatchObject({ name: ERASED_NAME, email: erasedEmail(a.learner.id), passwordHash: null, status: "deactivated" });
    expect(await t.db.select().from(authSessions).where(eq(authSessions.userId, a.learner.id))).toEqual([]);
    expect(await t.db.select().from(accountTokens).where(eq(accountTokens.userId, a.learner.id))).toEqual([]);
    expect(await resolveSession({ uid: a.learner.id, sid: signIn.sessionId, sv: a.learner.sessionVersion })).toBeNull();
    expect((await authenticate({ email: a.learner.email, password: TEST_PASSWORD, ip: "10.50.0.2" })).ok).toBe(false);

    // the audit log keeps what happened, not their email or IP
    const theirs = await t.db.select().from(auditLog).where(eq(auditLog.actorId, a.learner.id));
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((e) => e.actorEmail === null && e.ip === null)).toBe(true);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "privacy.erase"));
    expect(entry).toMatchObject({ actorId: actor.id, targetType: "user", targetId: a.learner.id, ip: "10.50.0.9" });
    expect(JSON.stringify(entry)).not.toContain(a.learner.email);

    // the other learner is untouched
    expect(await rowsOf(b.learner.id, b.progress.id, b.attempt.id, b.reflection.id)).toEqual({
      reflections: 2,
      reviews: 1,
      attempts: 1,
      responses: 2,
      reads: 2,
    });
    const [bCert] = await t.db.select().from(certificates).where(eq(certificates.userId, b.learner.id));
    expect(bCert.revokedAt).toBeNull();

    // what remains for them to download is an empty record
    const left = await getPersonalDataExport({ userId: a.learner.id });
    expect(JSON.stringify(left)).not.toContain(REFLECTION_TEXT);
    expect(JSON.stringify(left)).not.toContain(a.learner.email);
  });

  it("can remove certificates instead", async () => {
    const actor = await admin();
    const a = await makeLearnerWithHistory();
    const summary = await erasePersonalData({ actor, userId: a.learner.id, certificates: "remove" });
    expect(summary.certificatesAffected).toBe(1);
    expect(await t.db.select().from(certificates).where(eq(certificates.userId, a.learner.id))).toEqual([]);
  });

  it("is for admins, on learners, never on oneself; a refusal changes nothing", async () => {
    const actor = await admin();
    const a = await makeLearnerWithHistory();
    const instructor = { id: a.instructor.id, email: a.instructor.email, role: "instructor" as const };
    await expect(erasePersonalData({ actor: instructor, userId: a.learner.id, certificates: "remove" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(erasePersonalData({ actor, userId: a.instructor.id, certificates: "remove" })).rejects.toThrow(/Only learners/);
    await expect(erasePersonalData({ actor, userId: actor.id, certificates: "remove" })).rejects.toThrow(/your own/);
    await expect(erasePersonalData({ actor, userId: a.learner.id, certificates: "revoke", reason: "  " })).rejects.toThrow(/reason/);
    await expect(erasePersonalData({ actor, userId: "00000000-0000-4000-8000-000000000000", certificates: "remove" })).rejects.toThrow(
      /No such/,
    );
    expect(await rowsOf(a.learner.id, a.progress.id, a.attempt.id, a.reflection.id)).toEqual({
      reflections: 2,
      reviews: 1,
      attempts: 1,
      responses: 2,
      reads: 2,
    });
  });

  it("previews the counts the confirm page shows", async () => {
    const a = await makeLearnerWithHistory();
    const preview = await getErasurePreview({ userId: a.learner.id });
    expect(preview?.counts).toEqual({ reflections: 2, quizAttempts: 1, certificates: 1, activeCertificates: 1, sectionReads: 2 });
    expect(preview?.alreadyErased).toBe(false);
    expect(await getErasurePreview({ userId: "nope" })).toBeNull();
  });
});
