import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { TrainingRecordView } from "@/app/_components/training-record";
import { page } from "@/app/_edge/page";
import { getTrainingRecord } from "@/lib/certificates/record";

export const metadata: Metadata = { title: "My training record" };

export default page({ permission: "workspace.learner" }, async ({ user }) => {
  const record = await getTrainingRecord({ learnerId: user.id });
  return (
    <AppShell user={user}>
      <h1 className="text-2xl font-bold">My training record</h1>
      <p className="mt-2 text-slate-700">
        Every module you have completed with {record.settings.organisationName}, the contact hours it earned and the category they count
        toward. Each has a certificate a certification board can verify online.
      </p>
      <TrainingRecordView
        record={record}
        exportBase="/learn/record"
        certificateHref={(e) => `/certificates/${e.certificateId}`}
        emptyText={
          <>
            No completed modules yet. Finish an assignment in{" "}
            <Link className="link" href="/learn">
              My training
            </Link>{" "}
            — pass the quiz and submit every reflection — and its certificate appears here.
          </>
        }
      />
    </AppShell>
  );
});
