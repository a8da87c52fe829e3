/**
 * A learner's status on an assignment, defined once: in TypeScript for one
 * row, and as a SQL expression for reports that filter and count by it.
 */
import { sql, type SQL } from "drizzle-orm";
import { assignmentProgress } from "@/db/schema";
import { effectiveDueSql } from "./due";

export const statuses = ["not_started", "in_progress", "complete", "complete_late", "overdue"] as const;
export type ProgressStatus = (typeof statuses)[number];

export const statusLabels: Record<ProgressStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  complete: "Complete",
  complete_late: "Complete (late)",
  overdue: "Overdue",
};

export function progressStatus(
  p: { completedAt: Date | null; startedAt: Date | null },
  a: { dueAt: Date },
  now: Date = new Date(),
): ProgressStatus {
  if (p.completedAt) return p.completedAt > a.dueAt ? "complete_late" : "complete";
  if (now > a.dueAt) return "overdue";
  return p.startedAt ? "in_progress" : "not_started";
}

/**
 * `a.dueAt` is the learner's own due date (effectiveDue in ./due.ts): pass
 * the extension when there is one. The SQL forms below read it themselves.
 */
/** The same rule in SQL; needs assignment_progress and assignments in the query. */
export function statusSql(now: SQL = sql`now()`): SQL<ProgressStatus> {
  return sql<ProgressStatus>`case
    when ${assignmentProgress.completedAt} is not null then
      case when ${assignmentProgress.completedAt} > ${effectiveDueSql} then 'complete_late' else 'complete' end
    when ${now} > ${effectiveDueSql} then 'overdue'
    when ${assignmentProgress.startedAt} is not null then 'in_progress'
    else 'not_started' end`;
}

/**
 * "Has this status", as plain column conditions: the same rule as statusSql,
 * written so the planner can estimate how many rows match (a CASE expression
 * compared to a constant looks like 0.5 % of rows to it, which sends report
 * joins down nested loops). Tested equal to statusSql on every edge.
 */
export function statusIsSql(status: ProgressStatus, now: SQL = sql`now()`): SQL {
  const done = assignmentProgress.completedAt;
  const due = effectiveDueSql;
  switch (status) {
    case "complete":
      return sql`(${done} is not null and ${done} <= ${due})`;
    case "complete_late":
      return sql`(${done} is not null and ${done} > ${due})`;
    case "overdue":
      return sql`(${done} is null and ${due} < ${now})`;
    case "in_progress":
      return sql`(${done} is null and ${due} >= ${now} and ${assignmentProgress.startedAt} is not null)`;
    case "not_started":
      return sql`(${done} is null and ${due} >= ${now} and ${assignmentProgress.startedAt} is null)`;
  }
}
