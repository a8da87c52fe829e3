import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assignmentProgress, certificates, cohortInstructors, cohorts, reflections, sectionReads, users } from "@/db/schema";
import { progressStatus } from "@/lib/learning/progress/status";
import { loadOwnProgress, versionFor, windowOf, type Learner } from "./own-progress";
import { effectivePassMark } from "./pass-mark";
import { awaitingReview } from "./reflections/awaiting";

/**
 * What every page under /learn/[progressId] starts from: the learner's own
 * progress row, the module version they work against, the window, the pass
 * mark in force and the sections read. Anyone else's id is a not_found
 * DomainError (the page answers 404), the same as a missing one.
 */
export async function getLearnerAssignment({
  learner,
  progressId,
  now = new Date(),
}: {
  learner: Learner;
  progressId: string;
  now?: Date;
}) {
  const db = getDb();
  const row = await loadOwnProgress(db, learner, progressId);
  const earnedOn = row.progress.creditedFromProgressId ?? progressId;
  const [version, reads, [cert], statuses, [creditedFrom]] = await Promise.all([
    versionFor(db, row),
    db.select({ sectionId: sectionReads.sectionId }).from(sectionReads).where(eq(sectionReads.progressId, progressId)),
    db
      .select({
        id: certificates.id,
        code: certificates.code,
        contactHours: certificates.contactHours,
        hoursCategory: certificates.hoursCategory,
        revokedAt: certificates.revokedAt,
      })
      .from(certificates)
      .where(eq(certificates.progressId, earnedOn)),
    db
      .select({ promptId: reflections.promptId, status: reflections.status })
      .from(reflections)
      .where(eq(reflections.progressId, progressId)),
    // complete by prior completion: the cohort it was completed in (lib/learning/progress/prior-completion.ts)
    row.progress.creditedFromProgressId
      ? db
          .select({ cohortName: cohorts.name })
          .from(assignmentProgress)
          .innerJoin(cohorts, eq(cohorts.id, assignmentProgress.cohortId))
          .where(eq(assignmentProgress.id, row.progress.creditedFromProgressId))
      : Promise.resolve([]),
  ]);
  const statusOf = new Map(statuses.map((r) => [r.promptId, r.status]));
  const awaiting = awaitingReview({
    reflectionsMustBeAccepted: row.reflectionsMustBeAccepted,
    completedAt: row.progress.completedAt,
    statuses: version.content.reflections.map((p) => statusOf.get(p.id) ?? null),
  });
  // who reviews, named for a learner who waits on them (only then: one small query)
  const reviewers = awaiting
    ? await db
        .select({ name: users.name })
        .from(cohortInstructors)
        .innerJoin(users, eq(users.id, cohortInstructors.userId))
        .where(eq(cohortInstructors.cohortId, row.progress.cohortId))
        .orderBy(asc(users.name))
    : [];
  return {
    ...row,
    version,
    passMark: effectivePassMark(row, version),
    window: windowOf(row, now),
    status: progressStatus(row.progress, row, now),
    readSectionIds: new Set(reads.map((r) => r.sectionId)),
    certificateId: cert?.id ?? null,
    /** the certificate of a completed assignment, for its success state */
    certificate: cert ?? null,
    creditedFromCohortName: creditedFrom?.cohortName ?? null,
    /** null unless reflections must be accepted and the learner waits on the instructor */
    awaitingReview: awaiting,
    /** the cohort's instructors (they review), while awaiting review */
    reviewerNames: reviewers.map((r) => r.name),
  };
}

export type LearnerAssignmentPage = Awaited<ReturnType<typeof getLearnerAssignment>>;
