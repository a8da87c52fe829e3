import { csvHeader, csvTimestamp, toCsv } from "@/lib/platform/csv";
import { fileSlug } from "@/lib/platform/file-name";
import { requireCohort, type Actor } from "@/lib/cohorts/cohorts";
import { listCohortAssignments, pickAssignment } from "@/lib/cohorts/assignments";
import { statusLabels } from "@/lib/learning/progress/status";
import { listCohortLearners, type LearnerQuery } from "./cohort-progress";

export const cohortCsvHeader = csvHeader(
  "learnerName",
  "email",
  "module",
  "assigned",
  "due",
  "status",
  "bestScore",
  "attempts",
  "reflections",
  "lastActivity",
  "completed",
  "byPriorCompletion",
);

/**
 * The learner table as CSV: the same filters and order as on screen, every
 * matching row (not one page), cells safe from spreadsheet formulas.
 */
export async function cohortProgressCsv({
  actor,
  cohortId,
  query,
  now = new Date(),
}: {
  actor: Actor;
  cohortId: string;
  query: LearnerQuery;
  now?: Date;
}) {
  const cohort = await requireCohort(actor, cohortId, "cohort.progress");
  const assignmentList = await listCohortAssignments({ cohortId });
  const assignment = pickAssignment(assignmentList, query.assignment);
  const { rows } = await listCohortLearners({
    actor,
    cohortId,
    assignmentId: assignment?.id ?? null,
    sort: query.sort,
    dir: query.dir,
    status: query.status,
    q: query.q || undefined,
    pageSize: "all",
    now,
  });
  const body = toCsv(
    cohortCsvHeader,
    rows.map((r) => [
      r.name,
      r.email,
      assignment?.moduleTitle ?? "",
      csvTimestamp(r.assignedAt),
      csvTimestamp(r.dueAt ?? assignment?.dueAt),
      r.status ? statusLabels[r.status] : "Not assigned",
      r.bestScore ?? "",
      r.attempts,
      r.reflections,
      csvTimestamp(r.lastActivityAt),
      csvTimestamp(r.completedAt),
      r.byPriorCompletion ? "Yes" : "",
    ]),
  );
  const day = now.toISOString().slice(0, 10);
  return { filename: `${fileSlug(cohort.name, "cohort")}-progress-${day}.csv`, body };
}
