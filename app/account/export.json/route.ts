import { download, route } from "@/app/_edge/route";
import { getPersonalDataExport } from "@/lib/privacy/data-export";

/** "Download my data": everything Cohort holds about the signed-in person, as JSON. Reads only. */
export const GET = route({ permission: "account.own", kind: "download" }, async ({ user }) => {
  const data = await getPersonalDataExport({ userId: user.id });
  const day = new Date().toISOString().slice(0, 10);
  return download(JSON.stringify(data, null, 2), {
    filename: `cohort-my-data-${day}.json`,
    contentType: "application/json; charset=utf-8",
  });
});
