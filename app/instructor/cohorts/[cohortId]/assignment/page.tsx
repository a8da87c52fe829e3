import type { Metadata } from "next";
import { page } from "@/app/_edge/page";
import { AppShell } from "@/app/_components/app-shell";
import { CohortHeader } from "@/app/_components/cohort/cohort-header";
import { LocalTime } from "@/app/_components/local-time";
import { defaultAssignmentDates, listAssignableModules, listCohortAssignments } from "@/lib/cohorts/assignments";
import { requireCohort } from "@/lib/cohorts/cohorts";
import { cardClasses } from "@/app/_components/ui/card";
import { cx } from "@/app/_components/ui/cx";
import { showCorrectAnswersLabel } from "@/lib/learning/quiz/review-policy";
import { AssignForm, DatesForm, QuizOptionsForm } from "./assignment-forms";
import { formatPercent } from "@/lib/platform/format";

export const metadata: Metadata = { title: "Assignment" };

export default page<{ cohortId: string }>({ permission: "workspace.instructor" }, async ({ user, params, query }) => {
  const cohort = await requireCohort(user, params.cohortId, "cohort.manage");
  const basePath = `/instructor/cohorts/${cohort.id}`;
  const [assigned, modules, defaults] = await Promise.all([
    listCohortAssignments({ cohortId: cohort.id }),
    listAssignableModules(),
    defaultAssignmentDates(),
  ]);
  const unassigned = modules.filter((m) => !assigned.some((a) => a.moduleId === m.id));
  const archived = cohort.status === "archived";
  return (
    <AppShell user={user} wide>
      <CohortHeader cohort={cohort} current="assignment" basePath={basePath} manage />
      <div className="space-y-8">
        {query.assigned === "1" && assigned.length > 0 && (
          <p role="status" className="rounded-md bg-brand-50 p-3 text-brand-800">
            Assigned. Every learner in the cohort has it now, and anyone who joins later gets it too.
          </p>
        )}
        {assigned.map((a) => (
          <section key={a.id} aria-labelledby={`a-${a.id}`} className={cx(cardClasses, "space-y-4")}>
            <h2 id={`a-${a.id}`} className="text-lg font-semibold">
              {a.moduleTitle}
            </h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="font-medium">Opens</dt>
              <dd>
                <LocalTime value={a.opensAt} />
              </dd>
              <dt className="font-medium">Due</dt>
              <dd>
                <LocalTime value={a.dueAt} />
              </dd>
              <dt className="font-medium">Pass mark</dt>
              <dd>{a.passMarkOverride ? `${formatPercent(a.passMarkOverride)} (set for this cohort)` : "the module's own"}</dd>
              <dt className="font-medium">Attempts</dt>
              <dd>{a.maxAttempts ? `at most ${a.maxAttempts}` : "unlimited"}</dd>
              <dt className="font-medium">Credit</dt>
              <dd>
                {a.reflectionsMustBeAccepted
                  ? "when an instructor has accepted every reflection"
                  : "when the last reflection is submitted (reflections are reviewed, but credit does not wait)"}
              </dd>
              <dt className="font-medium">Correct answers shown</dt>
              <dd>{showCorrectAnswersLabel(a.showCorrectAnswers)}</dd>
              <dt className="font-medium">Quiz opens</dt>
              <dd>{a.requireAllSectionsRead ? "once every lesson section is read" : "at any time"}</dd>
            </dl>
            <a className="link text-sm" href={`${basePath}/assignment/${a.id}/calendar.ics`} download>
              Add to calendar<span className="sr-only">: {a.moduleTitle} due date</span>
            </a>
            {!archived && (
              <>
                <h3 className="font-semibold">Change the dates</h3>
                <DatesForm cohortId={cohort.id} assignmentId={a.id} opensAt={a.opensAt.toISOString()} dueAt={a.dueAt.toISOString()} />
                <h3 className="font-semibold">Quiz options</h3>
                <QuizOptionsForm
                  cohortId={cohort.id}
                  assignmentId={a.id}
                  showCorrectAnswers={a.showCorrectAnswers}
                  requireAllSectionsRead={a.requireAllSectionsRead}
                />
              </>
            )}
          </section>
        ))}
        {archived ? (
          <p className={cardClasses}>This cohort is archived. Unarchive it in Settings to assign or change dates.</p>
        ) : unassigned.length > 0 ? (
          <section aria-labelledby="assign-heading" className={cx(cardClasses, "space-y-4")}>
            <h2 id="assign-heading" className="text-lg font-semibold">
              Assign a module
            </h2>
            <p className="text-slate-700">
              Every learner in the cohort gets it, and so does anyone who joins later. Dates are in your own time zone.
            </p>
            <AssignForm
              cohortId={cohort.id}
              modules={unassigned}
              defaults={{ opensAt: defaults.opensAt.toISOString(), dueAt: defaults.dueAt.toISOString() }}
            />
          </section>
        ) : assigned.length === 0 ? (
          <p className={cardClasses}>No module is published yet. Ask an admin to run the migrations, which publish the built-in module.</p>
        ) : null}
      </div>
    </AppShell>
  );
});
