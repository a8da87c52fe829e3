import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { CohortCharts } from "@/app/_components/cohort/cohort-charts";
import { CohortHeader } from "@/app/_components/cohort/cohort-header";
import { CohortProgressView } from "@/app/_components/cohort/progress-view";
import { page } from "@/app/_edge/page";
import { requireCohort } from "@/lib/cohorts/cohorts";

export const metadata: Metadata = { title: "Cohort progress" };

/** The instructor's progress page, for admins: completion only (no reflection text, no review actions). */
export default page<{ cohortId: string }>({ permission: "workspace.admin" }, async ({ user, params, query }) => {
  const cohort = await requireCohort(user, params.cohortId, "cohort.progress");
  const basePath = `/admin/cohorts/${cohort.id}`;
  return (
    <AppShell user={user} wide>
      <CohortHeader cohort={cohort} current="progress" basePath={basePath} manage={false} />
      <CohortCharts user={user} cohortId={cohort.id} params={query} />
      {cohort.status === "active" && (
        <p className="mb-4 text-sm">
          <Link className="link" href={`${basePath}/enrol`}>
            Enroll learners
          </Link>{" "}
          — add by email or import a CSV.
        </p>
      )}
      <CohortProgressView user={user} cohort={cohort} basePath={basePath} params={query} />
    </AppShell>
  );
});
