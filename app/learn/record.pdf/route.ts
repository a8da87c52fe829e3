import { getCurrentUser } from "@/app/_edge/session";
import { trainingRecordPdfDownload } from "@/lib/certificates/exports";
import { notFoundResponse, signInRedirect } from "@/lib/platform/http/download";

/** The signed-in learner's own training record as PDF. */
export async function GET(req: Request) {
  const user = await getCurrentUser();
  if (!user) return signInRedirect(req);
  if (user.role !== "learner") return notFoundResponse();
  return trainingRecordPdfDownload(user);
}
