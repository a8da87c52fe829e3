import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assignmentProgress, certificates, cohorts, reflections, sectionReads } from "@/db/schema";
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
    db.select({ id: certificates.id }).from(certificates).where(eq(certificates.progressId, earnedOn)),
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
  return {
    ...row,
    version,
    passMark: effectivePassMark(row, version),
    window: windowOf(row, now),
    status: progressStatus(row.progress, row, now),
    readSectionIds: new Set(reads.map((r) => r.sectionId)),
    certificateId: cert?.id ?? null,
    creditedFromCohortName: creditedFrom?.cohortName ?? null,
    /** null unless reflections must be accepted and the learner waits on the instructor */
    awaitingReview: awaitingReview({
      reflectionsMustBeAccepted: row.reflectionsMustBeAccepted,
      completedAt: row.progress.completedAt,
      statuses: version.content.reflections.map((p) => statusOf.get(p.id) ?? null),
    }),
  };
}

export type LearnerAssignmentPage = Awaited<ReturnType<typeof getLearnerAssignment>>;
