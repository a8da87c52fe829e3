import { and, asc, eq, sql } from "drizzle-orm";
import { effectiveDueSql } from "@/lib/learning/progress/due";
import { getDb } from "@/db/client";
import { assignmentProgress, assignments, modules, reflections } from "@/db/schema";
import { listLearnerAttempts } from "@/lib/learning/quiz/attempt-reset";
import { requireCohort, type Actor } from "@/lib/cohorts/cohorts";
import { requireCohortLearner } from "@/lib/cohorts/enrolment";
import { getLatestVersion, getModuleVersion } from "@/lib/learning/module/publish";
import { statusSql } from "@/lib/learning/progress/status";

/**
 * One learner of a cohort as their instructor sees them: per assignment the
 * progress figures, every quiz attempt (reset ones marked) and the state of
 * each reflection (not its text: that is read on the review page).
 */
export async function getCohortLearnerDetail({
  actor,
  cohortId,
  learnerId,
  now = new Date(),
}: {
  actor: Actor;
  cohortId: string;
  learnerId: string;
  now?: Date;
}) {
  await requireCohort(actor, cohortId, "cohort.manage");
  const db = getDb();
  const learner = await requireCohortLearner(db, cohortId, learnerId);
  const progress = await db
    .select({
      progressId: assignmentProgress.id,
      assignmentId: assignments.id,
      moduleId: modules.id,
      moduleTitle: modules.title,
      dueAt: effectiveDueSql,
      cohortDueAt: assignments.dueAt,
      opensAt: assignments.opensAt,
      dueAtOverride: assignmentProgress.dueAtOverride,
      moduleVersionId: assignmentProgress.moduleVersionId,
      status: statusSql(sql`${now.toISOString()}::timestamptz`),
      bestScore: assignmentProgress.bestScore,
      attemptsCount: assignmentProgress.attemptsCount,
      reflectionsSubmitted: assignmentProgress.reflectionsSubmitted,
      startedAt: assignmentProgress.startedAt,
      completedAt: assignmentProgress.completedAt,
      /** complete because the learner completed the same version in another cohort (not named: the viewer may not teach it) */
      byPriorCompletion: sql<boolean>`(${assignmentProgress.creditedFromProgressId} is not null)`,
      lastActivityAt: assignmentProgress.lastActivityAt,
    })
    .from(assignmentProgress)
    .innerJoin(assignments, eq(assignments.id, assignmentProgress.assignmentId))
    .innerJoin(modules, eq(modules.id, assignments.moduleId))
    .where(and(eq(assignmentProgress.cohortId, cohortId), eq(assignmentProgress.userId, learnerId)))
    .orderBy(asc(assignments.createdAt));
  return {
    learner,
    assignments: await Promise.all(
      progress.map(async (p) => {
        // before the learner starts, the prompts they will see are the latest version's
        const version = p.moduleVersionId ? await getModuleVersion(p.moduleVersionId) : await getLatestVersion(p.moduleId);
        const refl = await db
          .select({
            id: reflections.id,
            promptId: reflections.promptId,
            status: reflections.status,
            submittedAt: reflections.submittedAt,
            updatedAt: reflections.updatedAt,
          })
          .from(reflections)
          .where(eq(reflections.progressId, p.progressId));
        const prompts = version?.content.reflections ?? [];
        return {
          ...p,
          attempts: await listLearnerAttempts({ actor, cohortId, progressId: p.progressId }),
          reflections: prompts.map((prompt, i) => {
            const r = refl.find((x) => x.promptId === prompt.id);
            return {
              number: i + 1,
              promptId: prompt.id,
              prompt: prompt.prompt,
              id: r?.id ?? null,
              status: r?.status ?? null,
              submittedAt: r?.submittedAt ?? null,
            };
          }),
        };
      }),
    ),
  };
}
