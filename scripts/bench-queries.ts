/**
 * What `npm run bench` requests for each report, and the SQL behind it.
 *
 * For each target: `path` is the URL the benchmark loads, and `queries`
 * runs (or returns) the SQL that page runs for its data. The benchmark
 * times that SQL alone with EXPLAIN ANALYZE, to compare page time with SQL
 * time. `queries` may either
 *   - call the report's own functions (e.g. `getOrganisationReport({ … })`
 *     from lib/reports): every statement they send through getDb() is
 *     captured and explained, or
 *   - return an array of drizzle `sql` objects to explain.
 *
 * Until the report pages are merged, the queries below are drafts of what
 * those pages need (they also chose the indexes in db/schema.ts). After the
 * merge, point each entry at the real lib/reports function (and drop its
 * `draft: true`) so the bench times the SQL the page actually runs, and
 * delete the `placeholder` notes of pages that are real by then: a figure
 * measured on a placeholder is labelled as such in BENCHMARKS.md.
 */
import { sql } from "drizzle-orm";
import { activeEnrolmentSql } from "@/lib/progress/active";
import { statusSql } from "@/lib/progress/status";

export type BenchContext = {
  /** the cohort of 500 */
  cohortId: string;
  /** an instructor of that cohort */
  instructorId: string;
};

export type BenchTarget = {
  path: (ctx: BenchContext) => string;
  queries?: (ctx: BenchContext) => unknown;
  /** true while `queries` is a draft rather than the page's own SQL: page/SQL is then not judged */
  draft?: boolean;
  /** set while the route in this branch is only a placeholder for the real page */
  placeholder?: string;
};

// no table aliases: statusSql() and activeEnrolmentSql() name the tables
const progressRows = sql`
  from assignment_progress
  join assignments on assignments.id = assignment_progress.assignment_id`;

function organisationQueries(where = sql`true`) {
  return [
    // tiles
    sql`select count(*)::int as enrolled,
          count(*) filter (where assignment_progress.completed_at is not null)::int as completed,
          count(*) filter (where assignment_progress.completed_at is null and assignments.due_at < now())::int as overdue,
          count(*) filter (where assignment_progress.quiz_passed_at is not null)::int as quiz_passed,
          count(*) filter (where assignment_progress.attempts_count > 0)::int as quiz_taken,
          coalesce(sum(assignment_progress.reflections_submitted), 0)::int as reflections_submitted
        ${progressRows} where ${activeEnrolmentSql()} and ${where}`,
    // the cohort table, first page of 50 by name
    sql`select c.id, c.name, s.enrolled, s.completed, s.overdue, s.median_best,
          (select string_agg(u.name, ', ' order by u.name) from cohort_instructors ci join users u on u.id = ci.user_id
            where ci.cohort_id = c.id) as instructors
        from (select assignment_progress.cohort_id, count(*)::int as enrolled,
                count(*) filter (where assignment_progress.completed_at is not null)::int as completed,
                count(*) filter (where assignment_progress.completed_at is null and assignments.due_at < now())::int as overdue,
                percentile_cont(0.5) within group (order by assignment_progress.best_score) as median_best
              ${progressRows} where ${activeEnrolmentSql()} and ${where} group by assignment_progress.cohort_id) s
        join cohorts c on c.id = s.cohort_id
        order by c.name, c.id limit 50`,
    // completions per week
    sql`select date_trunc('week', assignment_progress.completed_at) as week, count(*)::int as completed
        ${progressRows} where ${activeEnrolmentSql()} and assignment_progress.completed_at is not null and ${where}
        group by 1 order by 1`,
  ];
}

export const benchTargets: Record<"organisationReport" | "organisationReportFiltered" | "export" | "cohortPage" | "learnerHome", BenchTarget> = {
  learnerHome: {
    path: () => "/learn",
    placeholder: "/learn is a placeholder until the learner home is merged",
  },
  organisationReport: {
    draft: true,
    placeholder: "/admin is a placeholder until the organisation report is merged",
    path: () => "/admin",
    queries: () => organisationQueries(),
  },
  organisationReportFiltered: {
    draft: true,
    placeholder: "/admin is a placeholder until the organisation report is merged",
    path: (ctx) => `/admin?status=overdue&instructor=${ctx.instructorId}`,
    queries: (ctx) =>
      organisationQueries(
        sql`${statusSql()} = 'overdue' and assignment_progress.cohort_id in (select cohort_id from cohort_instructors where user_id = ${ctx.instructorId})`,
      ),
  },
  export: {
    draft: true,
    path: () => "/admin/export.csv",
    queries: () => [
      sql`select c.name as cohort, u.name as learner, u.email, ${statusSql()} as status, assignment_progress.best_score, assignment_progress.attempts_count,
            assignment_progress.reflections_submitted, assignment_progress.started_at, assignment_progress.completed_at, assignments.due_at, cert.code as certificate
          ${progressRows}
          join users u on u.id = assignment_progress.user_id
          join cohorts c on c.id = assignment_progress.cohort_id
          left join certificates cert on cert.progress_id = assignment_progress.id and cert.revoked_at is null
          where ${activeEnrolmentSql()}
          order by c.name, c.id, u.name, u.id`,
    ],
  },
  cohortPage: {
    draft: true,
    path: (ctx) => `/instructor/cohorts/${ctx.cohortId}`,
    queries: (ctx) => [
      sql`select u.id, u.name, u.email, ${statusSql()} as status, assignment_progress.best_score, assignment_progress.attempts_count, assignment_progress.reflections_submitted,
            assignment_progress.last_activity_at
          ${progressRows} join users u on u.id = assignment_progress.user_id
          where assignment_progress.cohort_id = ${ctx.cohortId} and ${activeEnrolmentSql()} order by u.name, u.id`,
      // item analysis: percent correct and the most chosen wrong option per item
      sql`select r.item_id, count(*)::int as answered, count(*) filter (where r.correct)::int as correct
          from quiz_responses r join quiz_attempts q on q.id = r.attempt_id
          join assignments on assignments.id = q.assignment_id
          where assignments.cohort_id = ${ctx.cohortId} and q.status = 'submitted' and q.reset_at is null
          group by r.item_id`,
      sql`select r.item_id, o.option_id, count(*)::int as chosen
          from quiz_responses r join quiz_attempts q on q.id = r.attempt_id
          join assignments on assignments.id = q.assignment_id
          cross join unnest(r.chosen_option_ids) as o(option_id)
          where assignments.cohort_id = ${ctx.cohortId} and q.status = 'submitted' and q.reset_at is null and not r.correct
          group by r.item_id, o.option_id`,
      // the review queue
      sql`select count(*)::int as waiting from reflections r join assignments on assignments.id = r.assignment_id
          where assignments.cohort_id = ${ctx.cohortId} and r.status = 'submitted'`,
    ],
  },
};
