import { sql, type SQL } from "drizzle-orm";
import { getDb, execPreparedRows, execRows } from "@/db/client";
import { assignmentProgress, assignments, cohortInstructors, cohorts, enrolments, reflections, users } from "@/db/schema";
import { requirePermission } from "@/lib/access/scope";
import type { CurrentUser } from "@/lib/accounts/sessions";
import { statusSql } from "@/lib/learning/progress/status";
import { dayStart, hasRowFilters, type CohortSortKey, type ReportFilters } from "./organisation-filters";
import {
  cohortConditions,
  hoursEarnedSql,
  hoursJoins,
  learnerAssignmentConditions,
  learnerAssignmentsFrom,
  learnerAssignmentWhere,
  nowSql,
  whereSql,
} from "./organisation-sql";

type Actor = Pick<CurrentUser, "id" | "role">;

export const COHORT_PAGE_SIZE = 20;

export type OrganisationTiles = {
  learners: number;
  /** learner × assignment rows in view */
  learnerAssignments: number;
  completed: number;
  /** 0–100, null when there is nothing to complete */
  completePct: number | null;
  overdue: number;
  awaitingReview: number;
  contactHours: number;
};

/**
 * Tiles across every cohort in view: SQL aggregates, three queries run side
 * by side (the distinct-learner count is a hash aggregate of its own).
 */
export async function getOrganisationTiles({
  actor,
  filters,
  now = new Date(),
}: {
  actor: Actor;
  filters: ReportFilters;
  now?: Date;
}): Promise<OrganisationTiles> {
  requirePermission(actor, "reports.organisation");
  const db = getDb();
  const where = learnerAssignmentWhere(filters, now, "due");
  const status = statusSql(nowSql(now));
  const [[t], [l], [r]] = await Promise.all([
    execPreparedRows<{ rows: number; completed: number; overdue: number; hours: number | string | null }>(
      db,
      sql`select count(*)::int as rows,
          (count(*) filter (where ${status} in ('complete', 'complete_late')))::int as completed,
          (count(*) filter (where ${status} = 'overdue'))::int as overdue,
          coalesce(sum(${hoursEarnedSql}), 0)::float8 as hours
        from ${learnerAssignmentsFrom} ${hoursJoins} ${where}`,
    ),
    execPreparedRows<{ learners: number }>(
      db,
      sql`select count(*)::int as learners from (
          select ${assignmentProgress.userId} from ${learnerAssignmentsFrom} ${where} group by ${assignmentProgress.userId}) learners`,
    ),
    execPreparedRows<{ awaiting: number }>(
      db,
      sql`select count(*)::int as awaiting
        from ${learnerAssignmentsFrom}
        join ${reflections} on ${reflections.progressId} = ${assignmentProgress.id} and ${reflections.status} = 'submitted'
        ${where}`,
    ),
  ]);
  return {
    learners: l.learners,
    learnerAssignments: t.rows,
    completed: t.completed,
    completePct: t.rows ? (100 * t.completed) / t.rows : null,
    overdue: t.overdue,
    awaitingReview: r.awaiting,
    contactHours: Number(t.hours ?? 0),
  };
}

export type CohortReportRow = {
  id: string;
  name: string;
  status: "active" | "archived";
  instructors: string;
  enrolled: number;
  learnerAssignments: number;
  completed: number;
  completePct: number | null;
  overdue: number;
  medianScore: number | null;
  firstDue: Date | null;
  lastDue: Date | null;
};

// allowlist: the only ORDER BY expressions a request can pick
const sortSql: Record<CohortSortKey, SQL> = {
  name: sql`name`,
  enrolled: sql`enrolled`,
  complete: sql`complete_pct`,
  overdue: sql`overdue`,
  median: sql`median_score`,
  due: sql`first_due`,
};

/**
 * One row per cohort in view. Enrolled counts the cohort's active enrolments;
 * the other figures its learner-assignments in view. With a date range or an
 * assignment status chosen, cohorts with nothing in view are left out.
 */
export async function listOrganisationCohorts({
  actor,
  filters,
  now = new Date(),
  pageSize = COHORT_PAGE_SIZE,
}: {
  actor: Actor;
  filters: ReportFilters;
  now?: Date;
  pageSize?: number;
}): Promise<{ rows: CohortReportRow[]; total: number; page: number; pageCount: number }> {
  requirePermission(actor, "reports.organisation");
  const status = statusSql(nowSql(now));
  const cohortWhere = cohortConditions(filters);
  if (hasRowFilters(filters)) cohortWhere.push(sql`agg.cohort_id is not null`);
  const dir = filters.dir === "desc" ? sql`desc` : sql`asc`;
  const offset = (filters.page - 1) * pageSize;
  const enrolledSql = sql`(select count(*) from ${enrolments}
    where ${enrolments.cohortId} = ${cohorts.id} and ${enrolments.status} = 'active')::int`;
  // the page is chosen first; instructors and enrolled are looked up for its rows only
  // (enrolled for every cohort only when it is the sort key)
  const rows = await execPreparedRows<{
    id: string;
    name: string;
    status: "active" | "archived";
    instructors: string | null;
    enrolled: number;
    total: number | null;
    completed: number | null;
    overdue: number | null;
    complete_pct: number | null;
    median_score: number | string | null;
    first_due: string | Date | null;
    last_due: string | Date | null;
    total_count: number;
  }>(
    getDb(),
    // materialized: joined to cohorts by hash, never re-scanned per cohort
    sql`with agg as materialized (
        select ${assignmentProgress.cohortId} as cohort_id,
          count(*)::int as total,
          (count(*) filter (where ${status} in ('complete', 'complete_late')))::int as completed,
          (count(*) filter (where ${status} = 'overdue'))::int as overdue,
          percentile_cont(0.5) within group (order by ${assignmentProgress.bestScore}) as median_score,
          min(${assignments.dueAt}) as first_due,
          max(${assignments.dueAt}) as last_due
        from ${learnerAssignmentsFrom}
        ${learnerAssignmentWhere(filters, now, "due")}
        group by ${assignmentProgress.cohortId}
      ),
      page as (
        select ${cohorts.id} as id, ${cohorts.name} as name, ${cohorts.status} as status,
          agg.total, agg.completed, agg.overdue,
          (100.0 * agg.completed / nullif(agg.total, 0))::float8 as complete_pct,
          agg.median_score::float8 as median_score, agg.first_due, agg.last_due,
          ${filters.sort === "enrolled" ? enrolledSql : sql`null::int`} as enrolled,
          (count(*) over ())::int as total_count
        from ${cohorts} left join agg on agg.cohort_id = ${cohorts.id}
        ${whereSql(cohortWhere)}
        order by ${sortSql[filters.sort]} ${dir} nulls last, name asc, id asc
        limit ${pageSize} offset ${offset}
      )
      select page.id, page.name, page.status, page.total, page.completed, page.overdue, page.complete_pct,
        page.median_score, page.first_due, page.last_due, page.total_count,
        coalesce(page.enrolled, (select count(*) from ${enrolments}
          where ${enrolments.cohortId} = page.id and ${enrolments.status} = 'active')::int) as enrolled,
        (select string_agg(${users.name}, ', ' order by ${users.name}) from ${cohortInstructors}
          join ${users} on ${users.id} = ${cohortInstructors.userId}
          where ${cohortInstructors.cohortId} = page.id) as instructors
      from page
      order by ${sortSql[filters.sort]} ${dir} nulls last, name asc, id asc`,
  );
  const total = rows[0]?.total_count ?? (filters.page > 1 ? await countCohortsInView(filters, now) : 0);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      status: r.status,
      instructors: r.instructors ?? "",
      enrolled: r.enrolled,
      learnerAssignments: r.total ?? 0,
      completed: r.completed ?? 0,
      completePct: r.complete_pct === null ? null : Number(r.complete_pct),
      overdue: r.overdue ?? 0,
      medianScore: r.median_score === null ? null : Number(r.median_score),
      firstDue: r.first_due ? new Date(r.first_due) : null,
      lastDue: r.last_due ? new Date(r.last_due) : null,
    })),
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

/** The total when a page past the end was asked for (the window count is then missing). */
async function countCohortsInView(filters: ReportFilters, now: Date) {
  const where = cohortConditions(filters);
  if (hasRowFilters(filters)) {
    const inView = [...learnerAssignmentConditions(filters, now, "due"), sql`${assignmentProgress.cohortId} = ${cohorts.id}`];
    where.push(sql`exists (select 1 from ${learnerAssignmentsFrom} ${whereSql(inView)})`);
  }
  const [r] = await execRows<{ n: number }>(getDb(), sql`select count(*)::int as n from ${cohorts} ${whereSql(where)}`);
  return r.n;
}

export type WeekPoint = { week: string; completions: number };

/** Monday of the UTC week a date falls in, as YYYY-MM-DD. */
export function weekOf(d: Date): string {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const offset = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
}

const MAX_WEEKS = 156;

/**
 * Completions per UTC week (weeks start on Monday), the date range applied to
 * the completion date. Weeks without completions are filled in with zero.
 */
export async function getCompletionsPerWeek({
  actor,
  filters,
  now = new Date(),
}: {
  actor: Actor;
  filters: ReportFilters;
  now?: Date;
}): Promise<WeekPoint[]> {
  requirePermission(actor, "reports.organisation");
  const where = whereSql([...learnerAssignmentConditions(filters, now, "completed"), sql`${assignmentProgress.completedAt} is not null`]);
  const rows = await execPreparedRows<{ week: string; n: number }>(
    getDb(),
    sql`select to_char(date_trunc('week', ${assignmentProgress.completedAt}, 'UTC') at time zone 'UTC', 'YYYY-MM-DD') as week,
        count(*)::int as n
      from ${learnerAssignmentsFrom}
      ${where}
      group by 1 order by 1`,
  );
  const counts = new Map(rows.map((r) => [r.week, r.n]));
  const first = filters.from ? weekOf(dayStart(filters.from)) : rows[0]?.week;
  const last = filters.to ? weekOf(dayStart(filters.to)) : rows.at(-1)?.week;
  if (!first || !last) return [];
  const out: WeekPoint[] = [];
  let t = Math.max(Date.parse(`${first}T00:00:00Z`), Date.parse(`${last}T00:00:00Z`) - (MAX_WEEKS - 1) * 7 * 86_400_000);
  for (; t <= Date.parse(`${last}T00:00:00Z`); t += 7 * 86_400_000) {
    const week = new Date(t).toISOString().slice(0, 10);
    out.push({ week, completions: counts.get(week) ?? 0 });
  }
  return out;
}

/** Instructors to filter by: everyone who teaches a cohort, and every instructor account. */
export async function listReportInstructors({ actor }: { actor: Actor }) {
  requirePermission(actor, "reports.organisation");
  return execPreparedRows<{ id: string; name: string; email: string }>(
    getDb(),
    sql`select ${users.id} as id, ${users.name} as name, ${users.email} as email from ${users}
        where ${users.role} = 'instructor'
      union
      select ${users.id}, ${users.name}, ${users.email} from ${users}
        where ${users.id} in (select ${cohortInstructors.userId} from ${cohortInstructors})
      order by name, email`,
  );
}

/** Whether any cohort exists at all (the report's empty state). */
export async function hasAnyCohort({ actor }: { actor: Actor }) {
  requirePermission(actor, "reports.organisation");
  const [r] = await execPreparedRows<{ any: boolean }>(getDb(), sql`select exists (select 1 from ${cohorts}) as any`);
  return Boolean(r?.any);
}
