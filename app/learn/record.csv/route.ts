import { getCurrentUser } from "@/lib/auth/current";
import { trainingRecordCsvDownload } from "@/lib/certificates/exports";
import { notFoundResponse, signInRedirect } from "@/lib/http/download";

/** The signed-in learner's own training record as CSV. */
export async function GET(req: Request) {
  const user = await getCurrentUser();
  if (!user) return signInRedirect(req);
  if (user.role !== "learner") return notFoundResponse();
  return trainingRecordCsvDownload(user);
}
