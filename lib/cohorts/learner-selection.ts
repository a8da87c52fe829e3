import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { getDb, type DbOrTx } from "@/db/client";
import { enrolments, users } from "@/db/schema";
import { statuses, type ProgressStatus } from "@/lib/learning/progress/status";
import { invalid } from "@/lib/platform/errors";
import { isUuid } from "@/lib/platform/ids";
import { listCohortLearners } from "@/lib/reports/cohort-progress";
import type { Actor } from "./cohorts";

/**
 * Which learners of a cohort a bulk action is for: the ones ticked (ids),
 * or every learner matching the table's filter ("select all matching",
 * across pages). The filter travels, not a list of ids, and is resolved on
 * the server when the action runs, always inside the one cohort.
 */
export type LearnerSelection = { kind: "ids"; ids: string[] } | { kind: "matching"; status?: ProgressStatus; q?: string };

/** A selection larger than this is a mistake, not a choice: narrow the filter. */
export const MAX_BULK = 2000;

export const selectionFieldsSchema = z.object({
  scope: z.enum(["ids", "matching"]).default("ids"),
  status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(statuses).optional()),
  q: z.string().trim().max(100).optional(),
});

/** The selection a form sends: `scope`, `status`, `q`, and `learnerId` repeated. */
export function selectionOf(fields: z.infer<typeof selectionFieldsSchema>, ids: string[]): LearnerSelection {
  return fields.scope === "matching" ? { kind: "matching", status: fields.status, q: fields.q || undefined } : { kind: "ids", ids };
}

/**
 * "All matching" turned into the ids it names now, after the caller's scope
 * check, before a transaction opens: the filter query runs on its own
 * connection (on PGlite, one connection, it could not run inside a
 * transaction). The transaction then resolves the ids again, so anyone who
 * left the cohort in between is skipped.
 */
export async function pinSelection({
  actor,
  cohortId,
  assignmentId,
  selection,
  now = new Date(),
}: {
  actor: Actor;
  cohortId: string;
  assignmentId: string | null;
  selection: LearnerSelection;
  now?: Date;
}): Promise<LearnerSelection> {
  if (selection.kind === "ids") return selection;
  const { learners } = await resolveSelection(getDb(), { actor, cohortId, assignmentId, selection, now });
  return { kind: "ids", ids: learners.map((l) => l.id) };
}

export type SelectedLearner = { id: string; name: string; email: string };

/**
 * The learners a selection names, all active learners of this cohort. Ids
 * that are not (another cohort's learner, someone removed a moment ago) come
 * back in `missing`, without a name: nothing is done to them and nothing
 * about them is told. The caller has checked the cohort's scope.
 */
export async function resolveSelection(
  db: DbOrTx,
  {
    actor,
    cohortId,
    assignmentId,
    selection,
    now = new Date(),
  }: { actor: Actor; cohortId: string; assignmentId: string | null; selection: LearnerSelection; now?: Date },
): Promise<{ learners: SelectedLearner[]; missing: number }> {
  if (selection.kind === "matching") {
    const { rows } = await listCohortLearners({
      actor,
      cohortId,
      assignmentId,
      status: assignmentId ? selection.status : undefined,
      q: selection.q,
      pageSize: "all",
      now,
    });
    if (rows.length > MAX_BULK) throw invalid(`That is ${rows.length} learners; narrow the filter to ${MAX_BULK} or fewer.`);
    if (!rows.length) throw invalid("No learner matches this filter any more.");
    return { learners: rows.map((r) => ({ id: r.userId, name: r.name, email: r.email })), missing: 0 };
  }
  const ids = [...new Set(selection.ids)];
  if (!ids.length) throw invalid("Choose at least one learner.");
  if (ids.length > MAX_BULK) throw invalid(`Choose at most ${MAX_BULK} learners at a time.`);
  const valid = ids.filter(isUuid);
  const learners = valid.length
    ? await db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(enrolments)
        .innerJoin(users, eq(users.id, enrolments.userId))
        .where(and(eq(enrolments.cohortId, cohortId), eq(enrolments.status, "active"), inArray(enrolments.userId, valid)))
    : [];
  learners.sort((a, b) => a.name.localeCompare(b.name));
  return { learners, missing: ids.length - learners.length };
}
