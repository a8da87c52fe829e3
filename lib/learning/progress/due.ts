/**
 * A learner's due date, defined once: their own (an extension granted by an
 * instructor or admin) when there is one, else the assignment's. Every
 * report, reminder and calendar that asks "when is it due" or "is it overdue"
 * reads it through these two, never `assignments.due_at` directly.
 */
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { assignmentProgress, assignments } from "@/db/schema";

/**
 * The rule in SQL; needs assignment_progress and assignments in the query
 * (drizzle columns). Selected as a field it comes back a Date, as the column does.
 */
export const effectiveDueSql: SQL<Date> = sql<Date>`coalesce(${assignmentProgress.dueAtOverride}, ${assignments.dueAt})`.mapWith(
  assignments.dueAt,
);

/** The same rule for raw SQL that names its tables with aliases (`p` for assignment_progress, `a` for assignments). */
export function effectiveDueOf(progressAlias: string, assignmentAlias: string): SQL<Date> {
  return sql<Date>`coalesce(${sql.identifier(progressAlias)}.due_at_override, ${sql.identifier(assignmentAlias)}.due_at)`;
}

/** The rule for one row already loaded. */
export function effectiveDue(p: { dueAtOverride: Date | null } | null | undefined, a: { dueAt: Date }): Date {
  return p?.dueAtOverride ?? a.dueAt;
}

/**
 * When the learner got the assignment, defined once: the later of its creation and their enrollment in the cohort
 * (a learner who joined after the module was assigned got it when they joined), so "Assigned" never reads before it
 * could. `enrolledAt` is the learner's enrolments.enrolled_at, as the query has it (a joined column or a subquery).
 */
export const assignedAtOf = (enrolledAt: SQL | AnyPgColumn): SQL<Date> =>
  sql<Date>`greatest(${assignments.createdAt}, ${enrolledAt})`.mapWith(assignments.createdAt);
