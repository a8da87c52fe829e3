import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { Card } from "@/app/_components/ui/card";
import { page } from "@/app/_edge/page";
import { AddByEmailForm } from "@/app/instructor/cohorts/[cohortId]/enrol/add-by-email-form";
import { RosterImport } from "@/app/instructor/cohorts/[cohortId]/enrol/roster-import";
import { requireCohort } from "@/lib/cohorts/cohorts";
import { enrolByEmailAsAdmin, importRosterChunkAsAdmin, previewRosterAsAdmin } from "../../actions";

export const metadata: Metadata = { title: "Enroll learners" };

/** The admin's way into a cohort's roster: add one learner by email, or import a CSV (the instructor's forms, the admin's actions). */
export default page<{ cohortId: string }>({ permission: "workspace.admin" }, async ({ user, params }) => {
  const cohort = await requireCohort(user, params.cohortId, "cohort.manage");
  const basePath = `/admin/cohorts/${cohort.id}`;
  return (
    <AppShell user={user} wide>
      <p className="text-sm">
        <Link className="link" href={basePath}>
          {cohort.name}
        </Link>{" "}
        / Enroll learners
      </p>
      <h1 className="mt-1 text-2xl font-bold">Enroll learners in {cohort.name}</h1>
      {cohort.status === "archived" ? (
        <Card className="mt-4">
          <p>This cohort is archived, so no one can join it. Its instructor can unarchive it in its settings.</p>
        </Card>
      ) : (
        <div className="mt-4 space-y-8">
          <Card title="Add by email" className="space-y-4">
            <p className="text-slate-700">
              For a new email, give a name: an account is made and enrolled, and you get a link for them to choose a password. Someone who
              already has an account is asked to accept; to enrol them at once, use Enroll on their page under{" "}
              <Link className="link" href="/admin/users">
                People
              </Link>
              .
            </p>
            <AddByEmailForm cohortId={cohort.id} enrol={enrolByEmailAsAdmin} />
          </Card>
          <div id="import">
            <Card title="Import a roster (CSV)" className="space-y-4">
              <RosterImport cohortId={cohort.id} preview={previewRosterAsAdmin} importChunk={importRosterChunkAsAdmin} />
            </Card>
          </div>
        </div>
      )}
    </AppShell>
  );
});
