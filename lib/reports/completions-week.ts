import { sql } from "drizzle-orm";
import { z } from "zod";
import { execPreparedRows, getDb } from "@/db/client";
import { assignmentProgress, cohorts, moduleVersions, users } from "@/db/schema";
import { requirePermission } from "@/lib/access/scope";
import type { CurrentUser } from "@/lib/accounts/sessions";
import { dayStart, type ReportFilters } from "./organisation-filters";
import { learnerAssignmentConditions, learnerAssignmentsFrom, whereSql } from "./organisation-sql";
import { weekOf } from "./organisation";

type Actor = Pick<CurrentUser, "id" | "role">;

export const COMPLETIONS_PAGE_SIZE = 25;

/** A week as the chart names it: the Monday it starts on (UTC), YYYY-MM-DD; any other day is refused. */
export const weekSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && weekOf(dayStart(s)) === s, "Not the Monday of a week.");

export type WeekCompletion = {
  progressId: string;
  userId: string;
  name: string;
  email: string;
  cohortId: string;
  cohortName: string;
  moduleTitle: string | null;
  completedAt: Date;
};

/**
 * The completions behind one bar of the organisation chart: the same rows
 * (and the same filters) as getCompletionsPerWeek, in one week, one page at
 * a time, earliest first. One query; the total comes from a window count.
 */
export async function listCompletionsInWeek({
  actor,
  week,
  filters,
  page = 1,
  pageSize = COMPLETIONS_PAGE_SIZE,
  now = new Date(),
}: {
  actor: Actor;
  week: string;
  filters: ReportFilters;
  page?: number;
  pageSize?: number;
  now?: Date;
}): Promise<{ rows: WeekCompletion[]; total: number; page: number; pageCount: number }> {
  requirePermission(actor, "reports.organisation");
  const start = dayStart(weekSchema.parse(week));
  const end = new Date(start.getTime() + 7 * 86_400_000);
  const where = whereSql([
    ...learnerAssignmentConditions(filters, now, "completed"),
    sql`${assignmentProgress.completedAt} >= ${start.toISOString()}::timestamptz`,
    sql`${assignmentProgress.completedAt} < ${end.toISOString()}::timestamptz`,
  ]);
  const rows = await execPreparedRows<{
    progress_id: string;
    user_id: string;
    name: string;
    email: string;
    cohort_id: string;
    cohort_name: string;
    module_title: string | null;
    completed_at: string | Date;
    total: number;
  }>(
    getDb(),
    sql`select ${assignmentProgress.id} as progress_id, ${users.id} as user_id, ${users.name} as name, ${users.email} as email,
        ${cohorts.id} as cohort_id, ${cohorts.name} as cohort_name, ${moduleVersions.title} as module_title,
        ${assignmentProgress.completedAt} as completed_at, (count(*) over ())::int as total
      from ${learnerAssignmentsFrom}
      join ${users} on ${users.id} = ${assignmentProgress.userId}
      left join ${moduleVersions} on ${moduleVersions.id} = ${assignmentProgress.moduleVersionId}
      ${where}
      order by ${assignmentProgress.completedAt} asc, ${users.name} asc, ${assignmentProgress.id} asc
      limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  const total = rows[0]?.total ?? 0;
  return {
    rows: rows.map((r) => ({
      progressId: r.progress_id,
      userId: r.user_id,
      name: r.name,
      email: r.email,
      cohortId: r.cohort_id,
      cohortName: r.cohort_name,
      moduleTitle: r.module_title,
      completedAt: new Date(r.completed_at),
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}
