import { getCurrentUser } from "@/app/_edge/session";
import { can } from "@/lib/access/permissions";
import { clientIpFrom } from "@/lib/platform/http/request";
import { countOrganisationExportRows, exportFilename, streamOrganisationExport } from "@/lib/reports/organisation-export";
import { parseReportFilters } from "@/lib/reports/organisation-filters";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/**
 * The organisation CSV (one row per learner and assignment) for the filters
 * in the query string, streamed from the database. Admins only: anyone else,
 * signed in or not, gets 404. Reading it changes nothing but the audit log.
 */
export async function GET(req: Request) {
  const user = await getCurrentUser();
  if (!user || !can(user.role, "reports.organisation")) return notFound();
  const parsed = parseReportFilters(new URL(req.url).searchParams);
  if (!parsed.ok) {
    return Response.json({ error: "Some filters are not valid.", fields: parsed.errors }, { status: 400, headers: { "Cache-Control": "no-store" } });
  }
  const now = new Date();
  const rows = await countOrganisationExportRows({ actor: user, filters: parsed.filters, now });
  const stream = streamOrganisationExport({ actor: user, filters: parsed.filters, now, ip: clientIpFrom(req.headers) });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFilename(now)}"`,
      "Cache-Control": "no-store",
      "X-Export-Rows": String(rows),
      "X-Content-Type-Options": "nosniff",
    },
  });
}
