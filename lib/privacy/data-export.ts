import { and, asc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { effectiveDueSql } from "@/lib/learning/progress/due";
import { getDb } from "@/db/client";
import {
  assignmentProgress,
  assignments,
  auditLog,
  authSessions,
  certificates,
  cohortInstructors,
  cohorts,
  enrolments,
  modules,
  quizAttempts,
  quizResponses,
  reflectionReviews,
  reflections,
  sectionReads,
  users,
} from "@/db/schema";

export const EXPORT_FORMAT = "cohort.personal-data/1";

/**
 * Everything Cohort holds about one person, for "Download my data": their
 * profile, sign-in sessions, enrolments, progress, quiz attempts with each
 * answer, reflections with the feedback on them, certificates and their own
 * audit entries. Never a password hash or token, never another person's data
 * (a reviewer appears by name only, entries about them by others without
 * who made them).
 */
export async function getPersonalDataExport({ userId }: { userId: string }) {
  const db = getDb();
  const [profile] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      status: users.status,
      createdAt: users.createdAt,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!profile) return null;

  const [sessions, enrolmentRows, taught, progressRows, attempts, reflectionRows, certificateRows, ownAudit, aboutThem] = await Promise.all(
    [
      db
        .select({
          createdAt: authSessions.createdAt,
          lastSeenAt: authSessions.lastSeenAt,
          expiresAt: authSessions.expiresAt,
          revokedAt: authSessions.revokedAt,
          ip: authSessions.ip,
          userAgent: authSessions.userAgent,
        })
        .from(authSessions)
        .where(eq(authSessions.userId, userId))
        .orderBy(asc(authSessions.createdAt)),
      db
        .select({
          cohort: cohorts.name,
          status: enrolments.status,
          source: enrolments.source,
          enrolledAt: enrolments.enrolledAt,
          removedAt: enrolments.removedAt,
        })
        .from(enrolments)
        .innerJoin(cohorts, eq(cohorts.id, enrolments.cohortId))
        .where(eq(enrolments.userId, userId))
        .orderBy(asc(enrolments.enrolledAt)),
      db
        .select({ cohort: cohorts.name, since: cohortInstructors.addedAt })
        .from(cohortInstructors)
        .innerJoin(cohorts, eq(cohorts.id, cohortInstructors.cohortId))
        .where(eq(cohortInstructors.userId, userId)),
      db
        .select({
          id: assignmentProgress.id,
          cohort: cohorts.name,
          module: modules.title,
          opensAt: assignments.opensAt,
          dueAt: effectiveDueSql,
          dueDateExtended: sql<boolean>`(${assignmentProgress.dueAtOverride} is not null)`,
          sectionsRead: assignmentProgress.sectionsRead,
          attemptsCount: assignmentProgress.attemptsCount,
          bestScore: assignmentProgress.bestScore,
          quizPassedAt: assignmentProgress.quizPassedAt,
          reflectionsSubmitted: assignmentProgress.reflectionsSubmitted,
          startedAt: assignmentProgress.startedAt,
          completedAt: assignmentProgress.completedAt,
          lastActivityAt: assignmentProgress.lastActivityAt,
        })
        .from(assignmentProgress)
        .innerJoin(assignments, eq(assignments.id, assignmentProgress.assignmentId))
        .innerJoin(modules, eq(modules.id, assignments.moduleId))
        .innerJoin(cohorts, eq(cohorts.id, assignmentProgress.cohortId))
        .where(eq(assignmentProgress.userId, userId))
        .orderBy(asc(effectiveDueSql)),
      db
        .select({
          id: quizAttempts.id,
          progressId: quizAttempts.progressId,
          status: quizAttempts.status,
          score: quizAttempts.score,
          correctCount: quizAttempts.correctCount,
          passed: quizAttempts.passed,
          passMark: quizAttempts.passMark,
          startedAt: quizAttempts.startedAt,
          submittedAt: quizAttempts.submittedAt,
          resetAt: quizAttempts.resetAt,
          resetReason: quizAttempts.resetReason,
        })
        .from(quizAttempts)
        .where(eq(quizAttempts.userId, userId))
        .orderBy(asc(quizAttempts.startedAt)),
      db
        .select({
          id: reflections.id,
          progressId: reflections.progressId,
          promptId: reflections.promptId,
          body: reflections.body,
          wordCount: reflections.wordCount,
          status: reflections.status,
          submittedAt: reflections.submittedAt,
          createdAt: reflections.createdAt,
          updatedAt: reflections.updatedAt,
        })
        .from(reflections)
        .where(eq(reflections.userId, userId))
        .orderBy(asc(reflections.createdAt)),
      db
        .select({
          code: certificates.code,
          learnerName: certificates.learnerName,
          moduleTitle: certificates.moduleTitle,
          moduleVersion: certificates.moduleVersion,
          cohortName: certificates.cohortName,
          instructorNames: certificates.instructorNames,
          providerName: certificates.providerName,
          contactHours: certificates.contactHours,
          hoursCategory: certificates.hoursCategory,
          completedAt: certificates.completedAt,
          issuedAt: certificates.issuedAt,
          revokedAt: certificates.revokedAt,
          revokedReason: certificates.revokedReason,
        })
        .from(certificates)
        .where(eq(certificates.userId, userId))
        .orderBy(asc(certificates.issuedAt)),
      db
        .select({
          at: auditLog.at,
          action: auditLog.action,
          targetType: auditLog.targetType,
          targetId: auditLog.targetId,
          ip: auditLog.ip,
          details: auditLog.details,
        })
        .from(auditLog)
        // their own actions, and sign-in attempts on their email that found no session (throttled)
        .where(
          or(
            eq(auditLog.actorId, userId),
            and(isNull(auditLog.actorId), eq(sql`lower(${auditLog.actorEmail})`, profile.email.toLowerCase())),
          )!,
        )
        .orderBy(asc(auditLog.at)),
      db
        .select({ at: auditLog.at, action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.targetType, "user"), eq(auditLog.targetId, userId), ne(auditLog.actorId, userId)))
        .orderBy(asc(auditLog.at)),
    ],
  );

  const attemptIds = attempts.map((a) => a.id);
  const reflectionIds = reflectionRows.map((r) => r.id);
  const progressIds = progressRows.map((p) => p.id);
  const [responses, reviews, reads] = await Promise.all([
    attemptIds.length
      ? db.select().from(quizResponses).where(inArray(quizResponses.attemptId, attemptIds)).orderBy(asc(quizResponses.itemId))
      : [],
    reflectionIds.length
      ? db
          .select({
            reflectionId: reflectionReviews.reflectionId,
            decision: reflectionReviews.decision,
            feedback: reflectionReviews.feedback,
            reviewer: users.name,
            at: reflectionReviews.createdAt,
          })
          .from(reflectionReviews)
          .leftJoin(users, eq(users.id, reflectionReviews.reviewerId))
          .where(inArray(reflectionReviews.reflectionId, reflectionIds))
          .orderBy(asc(reflectionReviews.createdAt))
      : [],
    progressIds.length
      ? db.select().from(sectionReads).where(inArray(sectionReads.progressId, progressIds)).orderBy(asc(sectionReads.readAt))
      : [],
  ]);

  return {
    format: EXPORT_FORMAT,
    exportedAt: new Date().toISOString(),
    profile,
    sessions,
    enrolments: enrolmentRows,
    cohortsTaught: taught,
    assignments: progressRows.map(({ id, ...p }) => ({
      ...p,
      sectionsReadList: reads.filter((r) => r.progressId === id).map((r) => ({ sectionId: r.sectionId, readAt: r.readAt })),
      quizAttempts: attempts
        .filter((a) => a.progressId === id)
        .map(({ id: attemptId, progressId: _p, ...a }) => ({
          ...a,
          responses: responses
            .filter((r) => r.attemptId === attemptId)
            .map((r) => ({ itemId: r.itemId, idea: r.ideaId, chosenOptionIds: r.chosenOptionIds, correct: r.correct })),
        })),
      reflections: reflectionRows
        .filter((r) => r.progressId === id)
        .map(({ id: reflectionId, progressId: _p, ...r }) => ({
          ...r,
          reviews: reviews.filter((v) => v.reflectionId === reflectionId).map(({ reflectionId: _r, ...v }) => v),
        })),
    })),
    certificates: certificateRows,
    activity: ownAudit,
    actionsOnYourAccount: aboutThem,
  };
}

export type PersonalDataExport = NonNullable<Awaited<ReturnType<typeof getPersonalDataExport>>>;
