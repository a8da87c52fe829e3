import { and, asc, eq, sql } from "drizzle-orm";
import { effectiveDueSql } from "@/lib/learning/progress/due";
import { getDb, type DbOrTx } from "@/db/client";
import { assignmentProgress, assignments, certificates, cohorts, enrolments, moduleVersions, quizAttempts, reflections } from "@/db/schema";
import { statusSql } from "@/lib/learning/progress/status";
import { creditedFromCohortSql, earningProgressIdSql } from "@/lib/learning/progress/prior-completion";
import { learnerCardStatus, nextStep } from "./next-step";
import { effectivePassMarkSql } from "./pass-mark";
import { assignmentWindow } from "./window";

function buildHomeQuery(db: DbOrTx) {
  const latestVersion = sql`(select mv.id from ${moduleVersions} mv where mv.module_id = ${assignments.moduleId} order by mv.version desc limit 1)`;
  return db
    .select({
      progressId: assignmentProgress.id,
      cohortName: cohorts.name,
      cohortStatus: cohorts.status,
      enrolmentStatus: enrolments.status,
      moduleTitle: moduleVersions.title,
      opensAt: assignments.opensAt,
      dueAt: effectiveDueSql,
      extended: sql<boolean>`(${assignmentProgress.dueAtOverride} is not null)`,
      maxAttempts: assignments.maxAttempts,
      passMark: effectivePassMarkSql(),
      sectionsTotal: sql<number>`jsonb_array_length(${moduleVersions.content} -> 'sections')`,
      reflectionsTotal: sql<number>`jsonb_array_length(${moduleVersions.content} -> 'reflections')`,
      sectionsRead: assignmentProgress.sectionsRead,
      attemptsCount: assignmentProgress.attemptsCount,
      bestScore: assignmentProgress.bestScore,
      quizPassedAt: assignmentProgress.quizPassedAt,
      reflectionsSubmitted: assignmentProgress.reflectionsSubmitted,
      startedAt: assignmentProgress.startedAt,
      completedAt: assignmentProgress.completedAt,
      /** complete by prior completion: the cohort it was completed in (completedAt is that date) */
      creditedFromCohortName: creditedFromCohortSql(),
      moduleVersionId: moduleVersions.id,
      status: statusSql(sql`${sql.placeholder("now")}::timestamptz`),
      certificateId: certificates.id,
      hasOpenAttempt: sql<boolean>`exists (select 1 from ${quizAttempts} where ${quizAttempts.progressId} = ${assignmentProgress.id} and ${quizAttempts.status} = 'in_progress')`,
      revisionsRequested: sql<number>`(select count(*)::int from ${reflections} where ${reflections.progressId} = ${assignmentProgress.id} and ${reflections.status} = 'revision_requested')`,
      reflectionsMustBeAccepted: assignments.reflectionsMustBeAccepted,
      reviewsWaiting: sql<number>`(select count(*)::int from ${reflections} where ${reflections.progressId} = ${assignmentProgress.id} and ${reflections.status} = 'submitted')`,
    })
    .from(assignmentProgress)
    .innerJoin(assignments, eq(assignments.id, assignmentProgress.assignmentId))
    .innerJoin(cohorts, eq(cohorts.id, assignmentProgress.cohortId))
    .innerJoin(
      enrolments,
      and(
        eq(enrolments.cohortId, assignmentProgress.cohortId),
        eq(enrolments.userId, assignmentProgress.userId),
        eq(enrolments.status, "active"),
      ),
    )
    .innerJoin(moduleVersions, eq(moduleVersions.id, sql`coalesce(${assignmentProgress.moduleVersionId}, ${latestVersion})`))
    .leftJoin(certificates, eq(certificates.progressId, earningProgressIdSql()))
    .where(eq(assignmentProgress.userId, sql.placeholder("userId")))
    .orderBy(sql`${assignmentProgress.completedAt} is not null`, asc(effectiveDueSql), asc(cohorts.name))
    .prepare("learner_home");
}

// built once per database handle: every /learn request runs it, and building the SQL
// (and, on PostgreSQL, planning it) costs more than executing it
const homeQueries = new WeakMap<object, ReturnType<typeof buildHomeQuery>>();

/**
 * Every assignment of the learner's active enrolments with what /learn
 * shows, in one query: totals come from the version's content in SQL (the
 * pinned version, or the latest until they start), counters from the
 * progress row, status from the one status rule.
 */
export async function listLearnerAssignments({ userId, now = new Date(), db = getDb() }: { userId: string; now?: Date; db?: DbOrTx }) {
  let query = homeQueries.get(db);
  if (!query) homeQueries.set(db, (query = buildHomeQuery(db)));
  const rows = await query.execute({ userId, now: now.toISOString() });

  return rows.map((r) => {
    const window = assignmentWindow(r, now);
    return {
      ...r,
      /** the same module version in the learner's other cohorts: completing it once completes it there too */
      alsoIn: rows.filter((o) => o.moduleVersionId === r.moduleVersionId && o.progressId !== r.progressId).map((o) => o.cohortName),
      window,
      /** reflections must be accepted, all submitted, not all accepted yet: the learner waits on the instructor */
      awaitingReview:
        r.reflectionsMustBeAccepted &&
        r.completedAt === null &&
        r.reflectionsSubmitted >= r.reflectionsTotal &&
        r.reviewsWaiting + r.revisionsRequested > 0,
      quizPassed: r.quizPassedAt !== null,
      next: nextStep({ ...r, window, quizPassed: r.quizPassedAt !== null }),
      cardStatus: learnerCardStatus({ ...r, window }),
    };
  });
}

export type LearnerAssignment = Awaited<ReturnType<typeof listLearnerAssignments>>[number];
