import "server-only";
import { requireRole } from "@/app/_edge/session";
import type { Permission } from "@/lib/access/permissions";
import { requireCohortForRender } from "@/lib/cohorts/cohorts";

/** Every page of a cohort starts here: an instructor who teaches it, or 404. */
export async function loadInstructorCohort(params: Promise<{ cohortId: string }>, path = "", permission: Permission = "cohort.manage") {
  const { cohortId } = await params;
  const user = await requireRole("instructor", `/instructor/cohorts/${encodeURIComponent(cohortId)}${path}`);
  const cohort = await requireCohortForRender(user, cohortId, permission);
  return { user, cohort };
}

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Repeated query keys: the first one counts. */
export function firstValues(params: Record<string, string | string[] | undefined>) {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) out[k] = first;
  }
  return out;
}
