import { route } from "@/app/_edge/route";
import { trainingRecordCsvDownload } from "@/lib/certificates/exports";

/** The signed-in learner's own training record as CSV (staff have none here: 404). */
export const GET = route({ permission: "workspace.learner", kind: "download" }, async ({ user }) => trainingRecordCsvDownload(user));
