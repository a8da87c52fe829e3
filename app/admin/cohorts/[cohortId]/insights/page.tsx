import type { Metadata } from "next";
import { AppShell } from "@/app/_components/app-shell";
import { CohortHeader } from "@/app/_components/cohort/cohort-header";
import { QuizInsightsView } from "@/app/_components/cohort/insights-view";
import { firstValues, type SearchParams } from "@/app/instructor/cohorts/[cohortId]/load-cohort";
import { requireRole } from "@/app/_edge/session";
import { requireCohort } from "@/lib/cohorts/cohorts";

export const metadata: Metadata = { title: "Quiz insights" };

export default async function AdminInsightsPage({ params, searchParams }: { params: Promise<{ cohortId: string }>; searchParams: SearchParams }) {
  const { cohortId } = await params;
  const user = await requireRole("admin", `/admin/cohorts/${encodeURIComponent(cohortId)}/insights`);
  const cohort = await requireCohort(user, cohortId, "cohort.progress");
  const basePath = `/admin/cohorts/${cohort.id}`;
  return (
    <AppShell user={user} wide>
      <CohortHeader cohort={cohort} current="insights" basePath={basePath} manage={false} />
      <QuizInsightsView user={user} cohort={cohort} basePath={basePath} assignmentParam={firstValues(await searchParams).assignment} />
    </AppShell>
  );
}
