import { Card } from "@/app/_components/ui/card";
import type { Actor } from "@/lib/cohorts/cohorts";
import { getCohortCharts } from "@/lib/reports/cohort-funnel";
import { weekOf } from "@/lib/reports/organisation";
import { CohortFunnelView } from "./cohort-funnel";
import { CompletionTrend } from "./completion-trend";

/**
 * The funnel and the completion trend of the assignment the cohort page
 * shows (the `assignment` in its query, else the first). Nothing while the
 * module is not assigned: the progress view says so and offers to assign it.
 */
export async function CohortCharts({ user, cohortId, params }: { user: Actor; cohortId: string; params: Record<string, string> }) {
  const charts = await getCohortCharts({ actor: user, cohortId, assignmentId: params.assignment });
  if (!charts) return null;
  const { funnel, trend, assignment } = charts;
  return (
    <div className="mb-6 grid gap-4 lg:grid-cols-2">
      <Card title="Where learners are" description={`${assignment.moduleTitle}: ${funnel.enrolled} active learners.`}>
        {funnel.enrolled === 0 ? (
          <p className="text-sm text-slate-700">No learners yet: the stages fill in as they enroll and start.</p>
        ) : (
          <CohortFunnelView funnel={funnel} />
        )}
      </Card>
      <Card title="Completions per week" description="Across the assignment's window, weeks starting on Monday (UTC).">
        <CompletionTrend data={trend} dueWeek={weekOf(assignment.dueAt)} />
      </Card>
    </div>
  );
}
