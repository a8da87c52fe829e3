import type { Metadata } from "next";
import { AppShell } from "@/app/_components/app-shell";
import { CohortHeader } from "@/app/_components/cohort/cohort-header";
import { CohortProgressView } from "@/app/_components/cohort/progress-view";
import { firstValues, type SearchParams } from "@/app/instructor/cohorts/[cohortId]/load-cohort";
import { requireRole } from "@/app/_edge/session";
import { requireCohort } from "@/lib/cohorts/cohorts";

export const metadata: Metadata = { title: "Cohort progress" };

/** The instructor's progress page, for admins: completion only (no reflection text, no review actions). */
export default async function AdminCohortPage({ params, searchParams }: { params: Promise<{ cohortId: string }>; searchParams: SearchParams }) {
  const { cohortId } = await params;
  const user = await requireRole("admin", `/admin/cohorts/${encodeURIComponent(cohortId)}`);
  const cohort = await requireCohort(user, cohortId, "cohort.progress");
  const basePath = `/admin/cohorts/${cohort.id}`;
  return (
    <AppShell user={user} wide>
      <CohortHeader cohort={cohort} current="progress" basePath={basePath} manage={false} />
      <CohortProgressView user={user} cohort={cohort} basePath={basePath} params={firstValues(await searchParams)} />
    </AppShell>
  );
}
