import { sql, type SQL } from "drizzle-orm";
import { effectiveDueSql } from "@/lib/learning/progress/due";
import { assignmentProgress, assignments, certificates, cohortInstructors, cohorts, enrolments, moduleVersions } from "@/db/schema";
import { statusIsSql } from "@/lib/learning/progress/status";
import { earnedHereSql } from "@/lib/learning/progress/prior-completion";
import { dayAfter, dayStart, type ReportFilters } from "./organisation-filters";

/**
 * The building blocks every organisation figure shares, so the tiles, the
 * cohort table, the chart and the CSV count exactly the same rows: one
 * learner × assignment (assignment_progress) of an active enrolment.
 */

export const nowSql = (now: Date): SQL => sql`${now.toISOString()}::timestamptz`;

/** FROM … JOIN: progress rows with their assignment and cohort. */
export const learnerAssignmentsFrom = sql`${assignmentProgress}
  join ${assignments} on ${assignments.id} = ${assignmentProgress.assignmentId}
  join ${cohorts} on ${cohorts.id} = ${assignmentProgress.cohortId}`;

/**
 * Only learners still enrolled. A progress row exists only for an enrolment,
 * so "not removed" is "active"; asked as an anti-join on the few removed
 * enrolments (a partial index), it costs nothing at 100,000 learners.
 */
export const activeEnrolmentSql = sql`not exists (select 1 from ${enrolments}
  where ${enrolments.cohortId} = ${assignmentProgress.cohortId} and ${enrolments.userId} = ${assignmentProgress.userId}
    and ${enrolments.status} = 'removed')`;

/** Cohort-level filters (usable on the cohorts table alone). */
export function cohortConditions(f: Pick<ReportFilters, "cohortStatus" | "instructor">): SQL[] {
  const where: SQL[] = [];
  if (f.cohortStatus) where.push(sql`${cohorts.status} = ${f.cohortStatus}`);
  if (f.instructor) {
    where.push(sql`exists (select 1 from ${cohortInstructors}
      where ${cohortInstructors.cohortId} = ${cohorts.id} and ${cohortInstructors.userId} = ${f.instructor}::uuid)`);
  }
  return where;
}

/**
 * Every filter as a WHERE clause. The date range selects by the learner's
 * own due date (tiles, table, export) or by the completion date (chart).
 */
export function learnerAssignmentConditions(f: ReportFilters, now: Date, dateOn: "due" | "completed"): SQL[] {
  const where = [activeEnrolmentSql, ...cohortConditions(f)];
  const column = dateOn === "due" ? effectiveDueSql : assignmentProgress.completedAt;
  if (f.from) where.push(sql`${column} >= ${dayStart(f.from).toISOString()}::timestamptz`);
  if (f.to) where.push(sql`${column} < ${dayAfter(f.to).toISOString()}::timestamptz`);
  if (f.status) where.push(statusIsSql(f.status, nowSql(now)));
  return where;
}

export function whereSql(conditions: SQL[]): SQL {
  return conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
}

export function learnerAssignmentWhere(f: ReportFilters, now: Date, dateOn: "due" | "completed"): SQL {
  return whereSql(learnerAssignmentConditions(f, now, dateOn));
}

/** Joins that contact hours need: the pinned version, and revoked certificates (few). */
export const hoursJoins = sql`left join ${moduleVersions} on ${moduleVersions.id} = ${assignmentProgress.moduleVersionId}
  left join (select ${certificates.progressId} as progress_id from ${certificates} where ${certificates.revokedAt} is not null) revoked
    on revoked.progress_id = ${assignmentProgress.id}`;

/**
 * Contact hours a learner-assignment earned: once complete, the hours of the
 * version it was completed against (what its certificate carries), unless
 * that certificate was revoked. A completion by prior completion earns none:
 * the hours were counted on the row that earned them.
 */
export const hoursEarnedSql = sql<number>`case
  when ${assignmentProgress.completedAt} is not null and revoked.progress_id is null and ${earnedHereSql()}
    then coalesce(${moduleVersions.contactHours}, 0)
  else 0 end`;
