import type { Metadata } from "next";
import { AppShell } from "@/app/_components/app-shell";
import { CohortHeader } from "@/app/_components/cohort/cohort-header";
import { CohortProgressView } from "@/app/_components/cohort/progress-view";
import { firstValues, loadInstructorCohort, type SearchParams } from "./load-cohort";

export const metadata: Metadata = { title: "Cohort progress" };

export default async function CohortProgressPage({ params, searchParams }: { params: Promise<{ cohortId: string }>; searchParams: SearchParams }) {
  const { user, cohort } = await loadInstructorCohort(params, "", "cohort.progress");
  const basePath = `/instructor/cohorts/${cohort.id}`;
  return (
    <AppShell user={user} wide>
      <CohortHeader cohort={cohort} current="progress" basePath={basePath} manage />
      <CohortProgressView user={user} cohort={cohort} basePath={basePath} params={firstValues(await searchParams)} />
    </AppShell>
  );
}
