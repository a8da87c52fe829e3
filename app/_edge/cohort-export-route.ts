import "server-only";
import { getCurrentUser } from "@/app/_edge/session";
import type { Role } from "@/lib/access/permissions";
import { mayActOnCohort } from "@/lib/access/scope";
import { cohortProgressCsv } from "@/lib/reports/cohort-export";
import { learnerQuerySchema } from "@/lib/reports/cohort-progress";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/**
 * GET …/export.csv for one role's copy of the cohort page. Another cohort,
 * another role or no session: 404. A sort or filter outside the allowlist: 400.
 */
export async function cohortExportResponse(req: Request, cohortId: string, role: Role): Promise<Response> {
  const user = await getCurrentUser();
  if (!user || user.role !== role || !(await mayActOnCohort(user, cohortId, "cohort.progress"))) return notFound();
  const parsed = learnerQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) {
    return new Response("Unknown sort, filter or page in the export link.", { status: 400, headers: { "Cache-Control": "no-store" } });
  }
  const { filename, body } = await cohortProgressCsv({ actor: user, cohortId, query: parsed.data });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
