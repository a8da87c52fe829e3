import { download, route } from "@/app/_edge/route";
import { itemAnalysisCsv } from "@/lib/reports/item-analysis-csv";

export const dynamic = "force-dynamic";

/** The item analysis page as CSV (one row per option). Admins only: signed out goes to sign-in, anyone else gets 404. */
export const GET = route({ permission: "reports.organisation", kind: "download" }, async ({ user }) => {
  const { filename, body } = await itemAnalysisCsv({ actor: user });
  return download(body, { filename, contentType: "text/csv; charset=utf-8" });
});
