import { sql } from "drizzle-orm";
import { execPreparedRows, getDb } from "@/db/client";
import { assignmentProgress, assignments, enrolments, moduleVersions } from "@/db/schema";
import { listCohortAssignments, pickAssignment } from "@/lib/cohorts/assignments";
import { requireCohort, type Actor } from "@/lib/cohorts/cohorts";

/**
 * How far the cohort's active learners have come on one assignment. Each
 * stage counts the learners who reached it (so the numbers only go down):
 * a completed learner has also read, passed and reflected, whatever route
 * the completion took. `notStarted` is everyone who has done nothing yet.
 */
export type CohortFunnel = {
  enrolled: number;
  notStarted: number;
  reading: number;
  quizPassed: number;
  reflectionsIn: number;
  complete: number;
};

export type TrendPoint = { week: string; completions: number };

// learners of the cohort, still enrolled, on this assignment
const learnerAssignmentsSql = (assignmentId: string) => sql`${enrolments}
  join ${assignmentProgress} on ${assignmentProgress.userId} = ${enrolments.userId}
    and ${assignmentProgress.cohortId} = ${enrolments.cohortId}
    and ${assignmentProgress.assignmentId} = ${assignmentId}::uuid`;
const activeInCohortSql = (cohortId: string) => sql`${enrolments.cohortId} = ${cohortId}::uuid and ${enrolments.status} = 'active'`;

/** The funnel of the cohort page: one aggregate query after one scope check. */
export async function getCohortFunnel({
  actor,
  cohortId,
  assignmentId,
}: {
  actor: Actor;
  cohortId: string;
  assignmentId: string;
}): Promise<CohortFunnel> {
  await requireCohort(actor, cohortId, "cohort.progress");
  return funnelOf(cohortId, assignmentId);
}

async function funnelOf(cohortId: string, assignmentId: string): Promise<CohortFunnel> {
  const done = sql`${assignmentProgress.completedAt} is not null`;
  const started = sql`(${done} or ${assignmentProgress.startedAt} is not null or ${assignmentProgress.sectionsRead} > 0
    or ${assignmentProgress.attemptsCount} > 0)`;
  const passed = sql`(${done} or ${assignmentProgress.quizPassedAt} is not null)`;
  // the prompt count of the version each learner works on (pinned at their first activity);
  // the module's versions are few, so the reflections array is measured once per version
  const [row] = await execPreparedRows<Omit<CohortFunnel, "notStarted">>(
    getDb(),
    sql`select count(*)::int as enrolled,
        (count(*) filter (where ${started}))::int as reading,
        (count(*) filter (where ${passed}))::int as "quizPassed",
        (count(*) filter (where ${done} or (${passed} and ${assignmentProgress.reflectionsSubmitted} >= mv.prompts)))::int as "reflectionsIn",
        (count(*) filter (where ${done}))::int as complete
      from ${learnerAssignmentsSql(assignmentId)}
      left join (select ${moduleVersions.id} as id, jsonb_array_length(${moduleVersions.content} -> 'reflections') as prompts
          from ${moduleVersions}
          where ${moduleVersions.moduleId} = (select ${assignments.moduleId} from ${assignments} where ${assignments.id} = ${assignmentId}::uuid)
        ) mv on mv.id = ${assignmentProgress.moduleVersionId}
      where ${activeInCohortSql(cohortId)}`,
  );
  return { ...row, notStarted: row.enrolled - row.reading };
}

const MAX_WEEKS = 156;

/**
 * Completions per UTC week (weeks start on Monday, as on the organisation
 * chart) from the week the assignment opens to the week it is due, widened
 * to any week a completion fell outside it; weeks without one are zero.
 */
export async function getCohortCompletionTrend({
  actor,
  cohortId,
  assignmentId,
}: {
  actor: Actor;
  cohortId: string;
  assignmentId: string;
}): Promise<TrendPoint[]> {
  await requireCohort(actor, cohortId, "cohort.progress");
  return trendOf(cohortId, assignmentId);
}

async function trendOf(cohortId: string, assignmentId: string): Promise<TrendPoint[]> {
  const week = (ts: unknown) => sql`date_trunc('week', ${ts} at time zone 'UTC')`;
  const rows = await execPreparedRows<TrendPoint>(
    getDb(),
    sql`with done as (
        select ${week(assignmentProgress.completedAt)} as w, count(*)::int as n
        from ${learnerAssignmentsSql(assignmentId)}
        where ${activeInCohortSql(cohortId)} and ${assignmentProgress.completedAt} is not null
        group by 1
      ), win as (
        select least(${week(assignments.opensAt)}, (select min(w) from done)) as first_week,
          greatest(${week(assignments.dueAt)}, (select max(w) from done)) as last_week
        from ${assignments} where ${assignments.id} = ${assignmentId}::uuid and ${assignments.cohortId} = ${cohortId}::uuid
      )
      select to_char(gs, 'YYYY-MM-DD') as week, coalesce(done.n, 0)::int as completions
      from win cross join lateral generate_series(win.first_week, win.last_week, interval '1 week') gs
      left join done on done.w = gs
      order by gs
      limit ${MAX_WEEKS}`,
  );
  return rows;
}

/**
 * The charts of the cohort page, after one scope check: the assignment the
 * page shows (the one in the query, else the first, as the learner table
 * picks it), its funnel and its completion trend side by side. Null while
 * nothing is assigned.
 */
export async function getCohortCharts({ actor, cohortId, assignmentId }: { actor: Actor; cohortId: string; assignmentId?: string }) {
  // the list is read beside the scope check, and nothing of it is returned unless the check passes
  const [, list] = await Promise.all([requireCohort(actor, cohortId, "cohort.progress"), listCohortAssignments({ cohortId })]);
  const assignment = pickAssignment(list, assignmentId);
  if (!assignment) return null;
  const [funnel, trend] = await Promise.all([funnelOf(cohortId, assignment.id), trendOf(cohortId, assignment.id)]);
  return { assignment, funnel, trend };
}
