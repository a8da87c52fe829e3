import type { Metadata } from "next";
import { AppShell } from "@/app/_components/app-shell";
import { TrainingRecordView } from "@/app/_components/training-record";
import { page } from "@/app/_edge/page";
import { certificateCohortScope, requireRecordLearnerForStaff } from "@/lib/access/certificates";
import { getTrainingRecord } from "@/lib/certificates/record";

export const metadata: Metadata = { title: "Training record" };

/** A learner's training record for staff: admins any learner, instructors learners of cohorts they teach; else 404. */
export default page<{ userId: string }>({ permission: "certificate.download" }, async ({ user, params }) => {
  const learner = await requireRecordLearnerForStaff({ viewer: user, learnerId: params.userId });
  const [record, scope] = await Promise.all([
    getTrainingRecord({ learnerId: learner.id, cohortIds: learner.cohortIds }),
    certificateCohortScope({ viewer: user }),
  ]);
  return (
    <AppShell user={user}>
      <h1 className="text-2xl font-bold">Training record: {learner.name}</h1>
      <p className="mt-2 text-slate-700">
        Every module {learner.name} has completed, the contact hours credited and progress toward the program&apos;s targets
        {learner.cohortIds ? ", from the cohorts you teach" : ""}.
      </p>
      <TrainingRecordView
        record={record}
        exportBase={`/people/${learner.id}/record`}
        certificateHref={(e) => (scope === null || scope.has(e.cohortId) ? `/certificates/${e.certificateId}` : null)}
        emptyText={`${learner.name} has not completed a module yet.`}
      />
    </AppShell>
  );
});
