import "server-only";
import { sql, type SQL } from "drizzle-orm";
import {
  assignmentProgress,
  assignments,
  certificates,
  cohortInstructors,
  cohorts,
  enrolments,
  moduleVersions,
} from "@/db/schema";
import { statusSql } from "@/lib/progress/status";
import { dayAfter, dayStart, type ReportFilters } from "./organisation-filters";

/**
 * The building blocks every organisation figure shares, so the tiles, the
 * cohort table, the chart and the CSV count exactly the same rows: one
 * learner × assignment (assignment_progress) of an active enrolment.
 */

export const nowSql = (now: Date): SQL => sql`${now.toISOString()}::timestamptz`;

/** FROM … JOIN: progress of active enrolments, with its assignment and cohort. */
export const learnerAssignmentsFrom = sql`${assignmentProgress}
  join ${assignments} on ${assignments.id} = ${assignmentProgress.assignmentId}
  join ${cohorts} on ${cohorts.id} = ${assignmentProgress.cohortId}
  join ${enrolments} on ${enrolments.cohortId} = ${assignmentProgress.cohortId}
    and ${enrolments.userId} = ${assignmentProgress.userId} and ${enrolments.status} = 'active'`;

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
 * Every filter as a WHERE clause. The date range selects by the assignment's
 * due date (tiles, table, export) or by the completion date (chart).
 */
export function learnerAssignmentConditions(f: ReportFilters, now: Date, dateOn: "due" | "completed"): SQL[] {
  const where = cohortConditions(f);
  const column = dateOn === "due" ? assignments.dueAt : assignmentProgress.completedAt;
  if (f.from) where.push(sql`${column} >= ${dayStart(f.from).toISOString()}::timestamptz`);
  if (f.to) where.push(sql`${column} < ${dayAfter(f.to).toISOString()}::timestamptz`);
  if (f.status) where.push(sql`${statusSql(nowSql(now))} = ${f.status}`);
  return where;
}

export function whereSql(conditions: SQL[]): SQL {
  return conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
}

export function learnerAssignmentWhere(f: ReportFilters, now: Date, dateOn: "due" | "completed"): SQL {
  return whereSql(learnerAssignmentConditions(f, now, dateOn));
}

/** Joins that contact hours need. */
export const hoursJoins = sql`left join ${certificates} on ${certificates.progressId} = ${assignmentProgress.id}
  left join ${moduleVersions} on ${moduleVersions.id} = ${assignmentProgress.moduleVersionId}`;

/**
 * Contact hours a learner-assignment earned: its certificate's (frozen at
 * issue), none if that certificate was revoked, the pinned version's hours for
 * a completion without a certificate, nothing until complete.
 */
export const hoursEarnedSql = sql<number>`case
  when ${assignmentProgress.completedAt} is null then 0
  when ${certificates.id} is null then coalesce(${moduleVersions.contactHours}, 0)
  when ${certificates.revokedAt} is not null then 0
  else ${certificates.contactHours} end`;
