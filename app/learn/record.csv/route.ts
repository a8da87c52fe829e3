import { getCurrentUser } from "@/app/_edge/session";
import { trainingRecordCsvDownload } from "@/lib/certificates/exports";
import { notFoundResponse, signInRedirect } from "@/lib/platform/http/download";

/** The signed-in learner's own training record as CSV. */
export async function GET(req: Request) {
  const user = await getCurrentUser();
  if (!user) return signInRedirect(req);
  if (user.role !== "learner") return notFoundResponse();
  return trainingRecordCsvDownload(user);
}
