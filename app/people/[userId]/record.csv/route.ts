import { getCurrentUser } from "@/app/_edge/session";
import { getRecordLearnerForStaff } from "@/lib/access/certificates";
import { trainingRecordCsvDownload } from "@/lib/certificates/exports";
import { notFoundResponse, signInRedirect } from "@/lib/platform/http/download";

/** A learner's training record as CSV for staff: admins any learner, instructors their cohorts' learners; else 404. */
export async function GET(req: Request, { params }: { params: Promise<{ userId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return signInRedirect(req);
  const learner = await getRecordLearnerForStaff({ viewer: user, learnerId: (await params).userId });
  if (!learner) return notFoundResponse();
  return trainingRecordCsvDownload(learner);
}
