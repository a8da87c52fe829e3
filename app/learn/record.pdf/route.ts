import { route } from "@/app/_edge/route";
import { trainingRecordPdfDownload } from "@/lib/certificates/exports";

/** The signed-in learner's own training record as PDF (staff have none here: 404). */
export const GET = route({ permission: "workspace.learner", kind: "download" }, async ({ user }) => trainingRecordPdfDownload(user));
