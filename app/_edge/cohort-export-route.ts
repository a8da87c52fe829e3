import "server-only";
import type { Permission } from "@/lib/access/permissions";
import { requireCohortScope } from "@/lib/access/scope";
import { cohortProgressCsv } from "@/lib/reports/cohort-export";
import { learnerQuerySchema } from "@/lib/reports/cohort-progress";
import { download, route } from "./route";

/**
 * GET …/export.csv for one workspace's copy of the cohort page (admins:
 * /admin/cohorts/…, instructors: /instructor/cohorts/…). Another cohort,
 * another role: 404. A sort or filter outside the allowlist: 400.
 */
export const cohortExportRoute = (workspace: Extract<Permission, "workspace.admin" | "workspace.instructor">) =>
  route<{ cohortId: string }, undefined, typeof learnerQuerySchema>(
    { permission: workspace, kind: "download", query: learnerQuerySchema },
    async ({ user, params, query }) => {
      await requireCohortScope(user, params.cohortId, "cohort.progress");
      const { filename, body } = await cohortProgressCsv({ actor: user, cohortId: params.cohortId, query });
      return download(body, { filename, contentType: "text/csv; charset=utf-8" });
    },
  );
