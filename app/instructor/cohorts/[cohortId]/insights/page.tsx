import type { Metadata } from "next";
import { AppShell } from "@/app/_components/app-shell";
import { CohortHeader } from "@/app/_components/cohort/cohort-header";
import { QuizInsightsView } from "@/app/_components/cohort/insights-view";
import { firstValues, loadInstructorCohort, type SearchParams } from "../load-cohort";

export const metadata: Metadata = { title: "Quiz insights" };

export default async function InsightsPage({ params, searchParams }: { params: Promise<{ cohortId: string }>; searchParams: SearchParams }) {
  const { user, cohort } = await loadInstructorCohort(params, "/insights", "cohort.progress");
  const basePath = `/instructor/cohorts/${cohort.id}`;
  return (
    <AppShell user={user} wide>
      <CohortHeader cohort={cohort} current="insights" basePath={basePath} manage />
      <QuizInsightsView user={user} cohort={cohort} basePath={basePath} assignmentParam={firstValues(await searchParams).assignment} />
    </AppShell>
  );
}
