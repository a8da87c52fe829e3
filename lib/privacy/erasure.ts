import { and, count, eq, inArray, isNull, like, or, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import {
  accountTokens,
  calendarFeeds,
  assignmentProgress,
  auditLog,
  authSessions,
  certificates,
  enrolments,
  pendingEnrolments,
  quizAttempts,
  quizResponses,
  reflectionReviews,
  reflections,
  sectionReads,
  signInDevices,
  throttles,
  users,
} from "@/db/schema";
import { audit } from "@/lib/audit/record";
import type { CurrentUser } from "@/lib/accounts/sessions";
import { invalid, notFound } from "@/lib/platform/errors";
import { isUuid } from "@/lib/platform/ids";

export const ERASED_NAME = "Erased learner";
/**
 * What replaces an erased account's email: not an email address at all, so no
 * sign-up or invite can take it first and make the erasure fail.
 */
export const erasedEmail = (userId: string) => `erased:${userId}`;

/** What erasing this learner would delete: shown on the confirm page. */
export async function getErasurePreview({ userId }: { userId: string }, db: DbOrTx = getDb()) {
  if (!isUuid(userId)) return null;
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, status: users.status })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) return null;
  const n = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;
  const [reflectionCount, attemptCount, certificateCount, activeCertificates, readCount] = await Promise.all([
    n(db.select({ n: count() }).from(reflections).where(eq(reflections.userId, userId))),
    n(db.select({ n: count() }).from(quizAttempts).where(eq(quizAttempts.userId, userId))),
    n(db.select({ n: count() }).from(certificates).where(eq(certificates.userId, userId))),
    n(
      db
        .select({ n: count() })
        .from(certificates)
        .where(and(eq(certificates.userId, userId), isNull(certificates.revokedAt))),
    ),
    n(
      db
        .select({ n: count() })
        .from(sectionReads)
        .innerJoin(assignmentProgress, eq(assignmentProgress.id, sectionReads.progressId))
        .where(eq(assignmentProgress.userId, userId)),
    ),
  ]);
  return {
    user,
    alreadyErased: user.email === erasedEmail(user.id),
    counts: {
      reflections: reflectionCount,
      quizAttempts: attemptCount,
      certificates: certificateCount,
      activeCertificates,
      sectionReads: readCount,
    },
  };
}

export type CertificateChoice = "revoke" | "remove";

/**
 * Delete a learner's personal data at their request (or the programme's),
 * in one transaction with its audit entry:
 *
 * - reflections (drafts included) and the reviews of them; quiz attempts and
 *   every answer; which sections they read. Progress rows stay, counters reset.
 * - certificates: "revoke" keeps each one, revoked with the reason given, so a
 *   certification board checking its code learns it is no longer valid;
 *   "remove" deletes them and their codes stop verifying.
 * - enrolments end (reports count only active ones); sessions, sign-in links,
 *   the calendar feed
 *   and throttle counters go; the account is renamed, its email replaced and
 *   password removed, and it is deactivated. Audit entries they made keep the
 *   action but lose their email and IP address.
 */
export async function erasePersonalData({
  actor,
  userId,
  certificates: certificateChoice,
  reason,
  ip,
}: {
  actor: Pick<CurrentUser, "id" | "email" | "role">;
  userId: string;
  certificates: CertificateChoice;
  reason?: string;
  ip?: string | null;
}) {
  if (actor.role !== "admin") throw notFound("Only admins erase personal data.");
  if (actor.id === userId) throw invalid("You cannot erase your own account.");
  if (!isUuid(userId)) throw notFound("No such account.");
  if (certificateChoice !== "revoke" && certificateChoice !== "remove") throw invalid("Choose what happens to certificates.");
  const revokeReason = reason?.trim() ?? "";
  if (certificateChoice === "revoke" && !revokeReason) throw invalid("Give the reason printed on the revoked certificates.");

  return getDb().transaction(async (tx) => {
    const [target] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!target) throw notFound("No such account.");
    if (target.role !== "learner") throw invalid("Only learners' data is erased here; deactivate staff accounts instead.");
    const email = target.email.toLowerCase();
    const now = new Date();

    const attemptIds = (await tx.select({ id: quizAttempts.id }).from(quizAttempts).where(eq(quizAttempts.userId, userId))).map(
      (a) => a.id,
    );
    const reflectionIds = (await tx.select({ id: reflections.id }).from(reflections).where(eq(reflections.userId, userId))).map(
      (r) => r.id,
    );
    const progressIds = (
      await tx.select({ id: assignmentProgress.id }).from(assignmentProgress).where(eq(assignmentProgress.userId, userId))
    ).map((p) => p.id);

    const deleted = {
      reflectionReviews: reflectionIds.length
        ? (
            await tx
              .delete(reflectionReviews)
              .where(inArray(reflectionReviews.reflectionId, reflectionIds))
              .returning({ id: reflectionReviews.id })
          ).length
        : 0,
      reflections: (await tx.delete(reflections).where(eq(reflections.userId, userId)).returning({ id: reflections.id })).length,
      quizResponses: attemptIds.length
        ? (await tx.delete(quizResponses).where(inArray(quizResponses.attemptId, attemptIds)).returning({ id: quizResponses.itemId }))
            .length
        : 0,
      quizAttempts: (await tx.delete(quizAttempts).where(eq(quizAttempts.userId, userId)).returning({ id: quizAttempts.id })).length,
      sectionReads: progressIds.length
        ? (await tx.delete(sectionReads).where(inArray(sectionReads.progressId, progressIds)).returning({ id: sectionReads.sectionId }))
            .length
        : 0,
      sessions: (await tx.delete(authSessions).where(eq(authSessions.userId, userId)).returning({ id: authSessions.id })).length,
      accountTokens: (await tx.delete(accountTokens).where(eq(accountTokens.userId, userId)).returning({ id: accountTokens.id })).length,
      signInDevices: (await tx.delete(signInDevices).where(eq(signInDevices.userId, userId)).returning({ id: signInDevices.userId }))
        .length,
      pendingEnrolments: (
        await tx.delete(pendingEnrolments).where(eq(pendingEnrolments.userId, userId)).returning({ id: pendingEnrolments.id })
      ).length,
      calendarFeeds: (await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).returning({ id: calendarFeeds.userId }))
        .length,
    };

    let certificatesAffected: number;
    if (certificateChoice === "remove") {
      certificatesAffected = (await tx.delete(certificates).where(eq(certificates.userId, userId)).returning({ id: certificates.id }))
        .length;
    } else {
      certificatesAffected = (
        await tx
          .update(certificates)
          .set({ revokedAt: now, revokedReason: revokeReason, revokedBy: actor.id })
          .where(and(eq(certificates.userId, userId), isNull(certificates.revokedAt)))
          .returning({ id: certificates.id })
      ).length;
      // kept so a board checking a code learns it is revoked, but without the person's name
      await tx.update(certificates).set({ learnerName: ERASED_NAME }).where(eq(certificates.userId, userId));
    }

    await tx
      .update(assignmentProgress)
      .set({
        moduleVersionId: null,
        sectionsRead: 0,
        attemptsCount: 0,
        bestScore: null,
        quizPassedAt: null,
        reflectionsSubmitted: 0,
        startedAt: null,
        completedAt: null,
        lastActivityAt: null,
      })
      .where(eq(assignmentProgress.userId, userId));
    const enrolmentsEnded = (
      await tx
        .update(enrolments)
        .set({ status: "removed", removedAt: now })
        .where(and(eq(enrolments.userId, userId), eq(enrolments.status, "active")))
        .returning({ id: enrolments.id })
    ).length;
    await tx
      .delete(throttles)
      .where(or(eq(throttles.key, `account:${email}`), like(throttles.key, `accountIp:${email.replace(/[\\%_]/g, (m) => `\\${m}`)}|%`)));
    await tx
      .update(auditLog)
      .set({ actorEmail: null, ip: null })
      .where(or(eq(auditLog.actorId, userId), eq(sql`lower(${auditLog.actorEmail})`, email)));
    await tx
      .update(users)
      .set({
        name: ERASED_NAME,
        email: erasedEmail(userId),
        passwordHash: null,
        status: "deactivated",
        sessionVersion: sql`${users.sessionVersion} + 1`,
      })
      .where(eq(users.id, userId));

    const summary = { ...deleted, certificates: certificateChoice, certificatesAffected, enrolmentsEnded };
    await audit(tx, {
      action: "privacy.erase",
      actorId: actor.id,
      actorEmail: actor.email,
      targetType: "user",
      targetId: userId,
      ip,
      details: summary,
    });
    return summary;
  });
}
