import { download, route } from "@/app/_edge/route";
import { clientIpFrom } from "@/lib/platform/http/request";
import { countOrganisationExportRows, exportFilename, streamOrganisationExport } from "@/lib/reports/organisation-export";
import { reportFiltersSchema } from "@/lib/reports/organisation-filters";

export const dynamic = "force-dynamic";

/**
 * The organisation CSV (one row per learner and assignment) for the filters
 * in the query string, streamed from the database. Admins only: signed out
 * goes to sign-in, anyone else gets 404; a filter not understood is 400.
 * Reading it changes nothing but the audit log.
 */
export const GET = route(
  { permission: "reports.organisation", kind: "download", query: reportFiltersSchema },
  async ({ req, user, query: filters }) => {
    const now = new Date();
    const rows = await countOrganisationExportRows({ actor: user, filters, now });
    const stream = streamOrganisationExport({ actor: user, filters, now, ip: clientIpFrom(req.headers) });
    const res = download(stream, { filename: exportFilename(now), contentType: "text/csv; charset=utf-8" });
    // the export button shows progress against this
    res.headers.set("X-Export-Rows", String(rows));
    return res;
  },
);
