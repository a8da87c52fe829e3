"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, type ActionState } from "@/app/_edge/action";
import { clientIp } from "@/app/_edge/http";
import { removeLearners } from "@/lib/cohorts/enrolment";
import { setDueDates } from "@/lib/cohorts/extensions";
import { resolveSelection, selectionFieldsSchema, selectionOf } from "@/lib/cohorts/learner-selection";
import { requireCohort } from "@/lib/cohorts/cohorts";
import { getDb } from "@/db/client";
import { sendManualReminders } from "@/lib/notifications/manual-reminders";

const schema = selectionFieldsSchema.extend({
  cohortId: z.string(),
  assignmentId: z.string().optional(),
  op: z.enum(["remind", "extend", "clear", "remove"], { message: "Choose what to do." }),
  dueAt: z.string().optional(),
  reason: z.string().trim().max(300, "Keep the reason under 300 characters.").optional(),
});

/** One learner's result, in words: who was done, who was skipped and why. */
export type BulkRow = { learnerId: string; name: string; done: boolean; result: string };
export type BulkResult = { op: "remind" | "extend" | "clear" | "remove"; rows: BulkRow[]; missing: number };

const reminderReasons = {
  complete: "Skipped: already complete",
  inactive: "Skipped: account deactivated",
  recent: "Skipped: already reminded in the last 24 hours",
} as const;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The learner table's bulk actions (instructor cohort page, admin cohort
 * view, and one learner's page): the ticked learners (`learnerId`,
 * repeated) or every learner matching the filter (`scope=matching` with
 * `status`/`q`, resolved on the server inside this cohort). Scope and
 * audit are the domain's (lib/cohorts).
 */
export const bulkLearnersAction = formAction(
  { permission: "cohort.manage", schema },
  async (input, user, formData): Promise<ActionState<BulkResult>> => {
    const { cohortId, op } = input;
    const assignmentId = input.assignmentId || null;
    const selection = selectionOf(input, formData.getAll("learnerId").map(String));
    const ip = await clientIp();
    // the table, tiles and the learner's page show the change on the next render
    revalidatePath(`/instructor/cohorts/${cohortId}`, "layout");
    revalidatePath(`/admin/cohorts/${cohortId}`, "layout");
    const missing = (n: number) => (n ? ` ${plural(n, "learner")} chosen ${n === 1 ? "is" : "are"} no longer in this cohort.` : "");

    if (op === "remove") {
      const { outcomes, missing: gone } = await removeLearners({ actor: user, cohortId, assignmentId, selection, ip });
      const removed = outcomes.filter((o) => o.result === "removed").length;
      return {
        message: `${plural(removed, "learner")} removed.${missing(gone)}`,
        data: {
          op,
          missing: gone,
          rows: outcomes.map((o) => ({
            learnerId: o.learnerId,
            name: o.name,
            done: o.result === "removed",
            result: o.result === "removed" ? "Removed" : "Skipped: already removed",
          })),
        },
      };
    }

    if (!assignmentId) return { ok: false, message: "This cohort has no assignment yet." };

    if (op === "extend" || op === "clear") {
      const { outcomes, missing: gone } = await setDueDates({
        actor: user,
        cohortId,
        assignmentId,
        selection,
        dueAt: input.dueAt,
        clear: op === "clear",
        reason: input.reason || undefined,
        ip,
      });
      const changed = outcomes.filter((o) => o.result !== "unchanged").length;
      return {
        message:
          op === "extend"
            ? `New due date set for ${plural(changed, "learner")}.${missing(gone)}`
            : `${plural(changed, "learner")} back on the cohort's due date.${missing(gone)}`,
        values: {},
        data: {
          op,
          missing: gone,
          rows: outcomes.map((o) => ({
            learnerId: o.learnerId,
            name: o.name,
            done: o.result !== "unchanged",
            result:
              o.result === "extended"
                ? "Due date extended"
                : o.result === "cleared"
                  ? "Back on the cohort's due date"
                  : op === "clear"
                    ? "Skipped: had no extension"
                    : "Skipped: already has this date",
          })),
        },
      };
    }

    // remind: "select all matching" is resolved here, inside the cohort, to the ids the reminder takes
    await requireCohort(user, cohortId, "cohort.manage");
    const resolved = await resolveSelection(getDb(), { actor: user, cohortId, assignmentId, selection });
    const ids = resolved.learners.map((l) => l.id);
    const gone = resolved.missing;
    const { outcomes, sent, skipped } = await sendManualReminders({ actor: user, cohortId, assignmentId, learners: ids, ip });
    return {
      message: `${plural(sent, "reminder")} sent${skipped ? `, ${skipped} skipped` : ""}.${missing(gone)}`,
      data: {
        op,
        missing: gone,
        rows: outcomes.map((o) => ({
          learnerId: o.learnerId,
          name: o.name,
          done: o.sent,
          result: o.sent ? "Reminder sent" : reminderReasons[o.reason],
        })),
      },
    };
  },
);
