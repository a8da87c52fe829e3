import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { assignmentProgress, assignments } from "@/db/schema";
import { audit } from "@/lib/audit/record";
import { DATE_RANGE_MESSAGE, isInstantInRange } from "@/lib/platform/dates";
import { invalid, notFound } from "@/lib/platform/errors";
import { isUuid } from "@/lib/platform/ids";
import { assertCohortOpen, requireCohort, type Actor } from "./cohorts";
import { pinSelection, resolveSelection, type LearnerSelection } from "./learner-selection";

/**
 * Per-learner due dates (extensions). An instructor of the cohort, or an
 * admin, gives one learner or a selection their own due date for an
 * assignment; clearing it returns them to the cohort's date. The date lives
 * on the progress row (due_at_override) and is read only through
 * lib/learning/progress/due.ts; each change is an audit entry per learner
 * (from → to, who, why), which is the history.
 */

export const extensionSchema = z.object({
  /** an ISO instant (the browser turns the local date and time into UTC), or "" with `clear` */
  dueAt: z.string().trim().optional(),
  reason: z.string().trim().max(300, "Keep the reason under 300 characters.").optional(),
  clear: z.boolean().default(false),
});

export type ExtensionOutcome = {
  learnerId: string;
  name: string;
  result: "extended" | "cleared" | "unchanged";
};

/** The new date, checked: a real instant, after the assignment opens. */
function parseDue(raw: string | undefined, opensAt: Date): Date {
  const message = "Enter the new due date and time.";
  if (!raw) throw invalid(message, { dueAt: message });
  const parsed = z.iso.datetime({ offset: true }).safeParse(raw);
  if (!parsed.success) throw invalid(message, { dueAt: message });
  const d = new Date(parsed.data);
  if (!isInstantInRange(d)) throw invalid(DATE_RANGE_MESSAGE, { dueAt: DATE_RANGE_MESSAGE });
  if (d <= opensAt) {
    const m = "The new due date must be after the assignment opens.";
    throw invalid(m, { dueAt: m });
  }
  return d;
}

export async function setDueDates({
  actor,
  cohortId,
  assignmentId,
  selection,
  dueAt,
  clear = false,
  reason,
  ip,
  now = new Date(),
}: {
  actor: Actor;
  cohortId: string;
  assignmentId: string;
  selection: LearnerSelection;
  /** ISO instant; ignored with `clear` */
  dueAt?: string;
  clear?: boolean;
  reason?: string;
  ip?: string | null;
  now?: Date;
}): Promise<{ outcomes: ExtensionOutcome[]; missing: number; dueAt: Date | null }> {
  await requireCohort(actor, cohortId, "cohort.manage");
  const pinned = await pinSelection({ actor, cohortId, assignmentId: isUuid(assignmentId) ? assignmentId : null, selection, now });
  return getDb().transaction(async (tx) => {
    const cohort = await requireCohort(actor, cohortId, "cohort.manage", tx);
    assertCohortOpen(cohort);
    if (!isUuid(assignmentId)) throw notFound();
    const [assignment] = await tx
      .select({ id: assignments.id, opensAt: assignments.opensAt, dueAt: assignments.dueAt })
      .from(assignments)
      .where(and(eq(assignments.id, assignmentId), eq(assignments.cohortId, cohortId)));
    if (!assignment) throw notFound();
    const target = clear ? null : parseDue(dueAt, assignment.opensAt);
    const { learners, missing } = await resolveSelection(tx, { actor, cohortId, assignmentId, selection: pinned, now });
    if (!learners.length) throw invalid("None of the chosen learners is in this cohort any more.");
    const rows = await tx
      .select({ id: assignmentProgress.id, userId: assignmentProgress.userId, override: assignmentProgress.dueAtOverride })
      .from(assignmentProgress)
      .where(
        and(
          eq(assignmentProgress.assignmentId, assignmentId),
          inArray(
            assignmentProgress.userId,
            learners.map((l) => l.id),
          ),
        ),
      )
      .for("update");
    const byUser = new Map(rows.map((r) => [r.userId, r]));
    const outcomes: ExtensionOutcome[] = [];
    const changed: string[] = [];
    for (const l of learners) {
      const row = byUser.get(l.id);
      const same = (row?.override?.getTime() ?? null) === (target?.getTime() ?? null);
      if (!row || same) {
        outcomes.push({ learnerId: l.id, name: l.name, result: "unchanged" });
        continue;
      }
      changed.push(row.id);
      outcomes.push({ learnerId: l.id, name: l.name, result: target ? "extended" : "cleared" });
      await audit(tx, {
        actorId: actor.id,
        actorEmail: actor.email,
        action: target ? "progress.extend_due" : "progress.clear_extension",
        targetType: "assignment_progress",
        targetId: row.id,
        ip,
        details: {
          cohortId,
          assignmentId,
          userId: l.id,
          cohortDueAt: assignment.dueAt.toISOString(),
          from: row.override?.toISOString() ?? null,
          to: target?.toISOString() ?? null,
          ...(reason ? { reason } : {}),
        },
      });
    }
    if (changed.length) await tx.update(assignmentProgress).set({ dueAtOverride: target }).where(inArray(assignmentProgress.id, changed));
    return { outcomes, missing, dueAt: target };
  });
}
