import { requireUser } from "@/app/_edge/session";
import { getPersonalDataExport } from "@/lib/privacy/data-export";

/** "Download my data": everything Cohort holds about the signed-in person, as JSON. Reads only. */
export async function GET() {
  const user = await requireUser("/account/export.json");
  const data = await getPersonalDataExport({ userId: user.id });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="cohort-my-data-${day}.json"`,
      "cache-control": "no-store",
    },
  });
}
