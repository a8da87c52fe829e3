import { route } from "@/app/_edge/route";
import { requireRecordLearnerForStaff } from "@/lib/access/certificates";
import { trainingRecordCsvDownload } from "@/lib/certificates/exports";

/** A learner's training record as CSV for staff: admins any learner, instructors their cohorts' learners; else 404. */
export const GET = route<{ userId: string }>({ permission: "certificate.download", kind: "download" }, async ({ user, params }) => {
  const learner = await requireRecordLearnerForStaff({ viewer: user, learnerId: params.userId });
  return trainingRecordCsvDownload(learner);
});
