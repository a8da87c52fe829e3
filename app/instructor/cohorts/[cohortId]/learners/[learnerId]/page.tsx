import { formatPercent } from "@/lib/platform/format";
import type { Metadata } from "next";
import { buttonClasses } from "@/app/_components/ui/button";
import Link from "next/link";
import { page } from "@/app/_edge/page";
import { AppShell } from "@/app/_components/app-shell";
import { CohortHeader } from "@/app/_components/cohort/cohort-header";
import { SetPasswordLinkButton } from "@/app/_components/cohort/set-password-link-button";
import { LocalTime } from "@/app/_components/local-time";
import { StatusBadge } from "@/app/_components/status-badge";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { Table, Td, Tr, type Column } from "@/app/_components/ui/table";
import { requireCohort } from "@/lib/cohorts/cohorts";
import { getCohortLearnerDetail } from "@/lib/reports/learner-detail";
import { ExtensionForm } from "./extension-form";
import { RemoveLearnerForm, ResetAttemptsForm } from "./learner-forms";

export const metadata: Metadata = { title: "Learner" };

const attemptColumns: Column[] = [
  { key: "number", label: "#" },
  { key: "submitted", label: "Submitted" },
  { key: "score", label: "Score", numeric: true },
  { key: "result", label: "Result" },
];

const reflectionStatus = {
  draft: "Draft (not submitted)",
  submitted: "Awaiting review",
  revision_requested: "Revision requested",
  accepted: "Accepted",
} as const;

export default page<{ cohortId: string; learnerId: string }>({ permission: "workspace.instructor" }, async ({ user, params, query }) => {
  const cohort = await requireCohort(user, params.cohortId, "cohort.manage");
  const basePath = `/instructor/cohorts/${cohort.id}`;
  const { learner, assignments } = await getCohortLearnerDetail({ actor: user, cohortId: cohort.id, learnerId: params.learnerId });
  const resetCount = Number(query.reset) || 0;
  return (
    <AppShell user={user} wide>
      <CohortHeader cohort={cohort} current="progress" basePath={basePath} manage trail={[{ label: learner.name }]} />
      <h2 className="text-xl font-bold">{learner.name}</h2>
      <p className="text-slate-700">
        {learner.email} · enrolled <LocalTime value={learner.enrolledAt} dateOnly />
        {learner.status === "removed" && <strong className="ml-2 text-red-800">Removed from this cohort</strong>}
      </p>
      {!learner.hasPassword && (
        <div className="mt-2 text-sm">
          <p>This learner has not chosen a password yet.</p>
          {/* only the instructor who made the account may send its first link (lib/cohorts/enrolment.ts) */}
          {!learner.hadPassword && learner.createdBy === user.id ? (
            <SetPasswordLinkButton cohortId={cohort.id} learnerId={learner.id} name={learner.name} />
          ) : (
            <p className="text-slate-700">An admin can make them a set-password link.</p>
          )}
        </div>
      )}

      {resetCount > 0 && (
        <p role="status" className="mt-4 rounded-md bg-brand-50 p-3 text-brand-800">
          {resetCount} {resetCount === 1 ? "attempt" : "attempts"} reset. They stay in the history below, marked reset; the learner starts
          the quiz afresh.
        </p>
      )}
      {assignments.length === 0 && (
        <EmptyState
          className="mt-6"
          action={
            <Link className={buttonClasses()} href={`/instructor/cohorts/${params.cohortId}/assignment`}>
              Assign the module
            </Link>
          }
        >
          Nothing is assigned to this cohort yet.
        </EmptyState>
      )}
      {assignments.map((a) => {
        return (
          <Card key={a.progressId} title={a.moduleTitle} level={3} className="mt-6 space-y-4">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="font-medium">Status</dt>
              <dd>
                <StatusBadge status={a.status} compact />
              </dd>
              <dt className="font-medium">Due</dt>
              <dd data-testid="learner-due">
                <LocalTime value={a.dueAt} />
                {a.dueAtOverride && (
                  <>
                    {" "}
                    (extended; the cohort&apos;s date is <LocalTime value={a.cohortDueAt} />)
                  </>
                )}
              </dd>
              <dt className="font-medium">Best score</dt>
              <dd>{formatPercent(a.bestScore)}</dd>
              <dt className="font-medium">Attempts that count</dt>
              <dd>{a.attemptsCount}</dd>
              <dt className="font-medium">Completed</dt>
              <dd>
                <LocalTime value={a.completedAt} />
                {a.byPriorCompletion && <span className="ml-1 text-slate-600">(by prior completion in another cohort)</span>}
              </dd>
              <dt className="font-medium">Last activity</dt>
              <dd>
                <LocalTime value={a.lastActivityAt} />
              </dd>
            </dl>

            {learner.status === "active" && cohort.status === "active" && (
              <details className="text-sm" open={Boolean(a.dueAtOverride)}>
                <summary className="cursor-pointer font-semibold">Due date extension</summary>
                <div className="mt-3">
                  <ExtensionForm
                    cohortId={cohort.id}
                    assignmentId={a.assignmentId}
                    learnerId={learner.id}
                    current={a.dueAtOverride?.toISOString() ?? null}
                  />
                </div>
              </details>
            )}

            <h4 className="font-semibold">
              Reflections ({a.reflectionsSubmitted} of {a.reflections.length} submitted)
            </h4>
            <ol className="list-decimal space-y-1 pl-5 text-sm">
              {a.reflections.map((r) => (
                <li key={r.promptId}>
                  {r.status ? reflectionStatus[r.status] : "Not started"}
                  {r.id && r.submittedAt && (
                    <>
                      {" "}
                      ·{" "}
                      <Link className="link" href={`/instructor/reviews/${r.id}`}>
                        Read{r.status === "submitted" ? " and review" : ""}
                        <span className="sr-only"> reflection {r.number}</span>
                      </Link>
                    </>
                  )}
                </li>
              ))}
            </ol>

            <h4 className="font-semibold">Quiz attempts</h4>
            <Table
              caption="Quiz attempts, oldest first"
              columns={attemptColumns}
              framed={false}
              empty="No attempts yet. They appear here, with each score, once the learner submits the quiz."
            >
              {a.attempts.map((t, i) => (
                <Tr key={t.id} className={t.resetAt ? "text-slate-600" : undefined} data-testid="attempt-row">
                  <Td>{i + 1}</Td>
                  <Td>{t.submittedAt ? <LocalTime value={t.submittedAt} /> : "In progress"}</Td>
                  <Td numeric>{formatPercent(t.score)}</Td>
                  <Td>
                    {t.status === "submitted"
                      ? t.passed
                        ? `Passed (pass mark ${formatPercent(t.passMark)})`
                        : `Not passed (pass mark ${formatPercent(t.passMark)})`
                      : ""}
                    {t.resetAt && (
                      <span className="block font-medium text-amber-900">
                        Reset <LocalTime value={t.resetAt} />
                        {t.resetByName ? ` by ${t.resetByName}` : ""}: {t.resetReason}
                      </span>
                    )}
                  </Td>
                </Tr>
              ))}
            </Table>
            {a.attemptsCount > 0 && learner.status === "active" && <ResetAttemptsForm cohortId={cohort.id} progressId={a.progressId} />}
          </Card>
        );
      })}

      {learner.status === "active" && cohort.status === "active" && (
        <Card
          title="Remove from cohort"
          level={3}
          description="Their attempts, reflections and certificate are kept, and you can add them back from Enroll learners."
          className="mt-6"
        >
          <RemoveLearnerForm cohortId={cohort.id} learnerId={learner.id} name={learner.name} />
        </Card>
      )}
    </AppShell>
  );
});
