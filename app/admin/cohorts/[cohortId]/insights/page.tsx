import type { Metadata } from "next";
import { AppShell } from "@/app/_components/app-shell";
import { CohortHeader } from "@/app/_components/cohort/cohort-header";
import { QuizInsightsView } from "@/app/_components/cohort/insights-view";
import { page } from "@/app/_edge/page";
import { requireCohort } from "@/lib/cohorts/cohorts";

export const metadata: Metadata = { title: "Quiz insights" };

export default page<{ cohortId: string }>({ permission: "workspace.admin" }, async ({ user, params, query }) => {
  const cohort = await requireCohort(user, params.cohortId, "cohort.progress");
  const basePath = `/admin/cohorts/${cohort.id}`;
  return (
    <AppShell user={user} wide>
      <CohortHeader cohort={cohort} current="insights" basePath={basePath} manage={false} />
      <QuizInsightsView user={user} cohort={cohort} basePath={basePath} assignmentParam={query.assignment} />
    </AppShell>
  );
});
