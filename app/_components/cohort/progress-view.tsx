import Link from "next/link";
import { LocalTime } from "@/app/_components/local-time";
import type { Cohort, Actor } from "@/lib/cohorts/cohorts";
import { statuses, statusLabels } from "@/lib/learning/progress/status";
import { getCohortProgress, learnerPageQuerySchema, type LearnerSort } from "@/lib/reports/cohort-progress";
import { manualReminderPreview } from "@/lib/notifications/manual-reminders";
import { userTimeZone } from "@/lib/notifications/outbox";
import { can } from "@/lib/access/permissions";
import { LearnerBulkBar } from "./learner-bulk-bar";
import { LearnerTableRow, REFLECTION_PROMPTS } from "./learner-row";
import { buttonClasses } from "@/app/_components/ui/button";
import { Stat } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { Pagination } from "@/app/_components/ui/pagination";
import { Table, type Column } from "@/app/_components/ui/table";
import { formatPercent } from "@/lib/platform/format";

const columns: Column<LearnerSort | "progress">[] = [
  { key: "name", label: "Name" },
  { key: "email", label: "Email" },
  { key: "status", label: "Status" },
  { key: "progress", label: "Progress", sortable: false },
  { key: "bestScore", label: "Best score", numeric: true },
  { key: "attempts", label: "Attempts", numeric: true },
  { key: "reflections", label: "Reflections", numeric: true },
  { key: "lastActivity", label: "Last activity" },
];

/**
 * The cohort's progress page: tiles and the learner table, sorted, filtered,
 * searched and paged in SQL. Instructors reach it at /instructor/cohorts/[id]
 * (`manage`: links to each learner, enrolment and assignment); admins at
 * /admin/cohorts/[id], read-only.
 */
export async function CohortProgressView({
  user,
  cohort,
  basePath,
  params,
  manage = false,
}: {
  user: Actor & { name: string };
  cohort: Cohort;
  basePath: string;
  params: Record<string, string>;
  manage?: boolean;
}) {
  const query = learnerPageQuerySchema.parse(params);
  // each learner's record: the instructor's learner page, or the admin's person page
  const learnerHref = manage
    ? (id: string) => `${basePath}/learners/${id}`
    : can(user.role, "users.manage")
      ? (id: string) => `/admin/users/${id}`
      : null;
  // bulk actions (remove, extend; remind for instructors): staff who may manage an open cohort
  const bulk = cohort.status === "active" && can(user.role, "cohort.manage");
  const remind = bulk && manage && can(user.role, "reminder.send");
  // the reminder's preview needs only the viewer's time zone beyond what the page loads: fetched alongside
  const [{ assignmentList, assignment, summary, table }, timeZone] = await Promise.all([
    getCohortProgress({ actor: user, cohortId: cohort.id, query }),
    remind ? userTimeZone({ userId: user.id }) : null,
  ]);
  const keep = (over: Record<string, string | number | undefined>) => {
    const merged: Record<string, string> = {};
    const all = {
      assignment: assignmentList.length > 1 ? assignment?.id : undefined,
      sort: query.sort,
      dir: query.dir,
      status: query.status,
      q: query.q,
      page: query.page,
      ...over,
    };
    for (const [k, v] of Object.entries(all)) if (v !== undefined && v !== "" && !(k === "page" && v === 1)) merged[k] = String(v);
    return new URLSearchParams(merged).toString();
  };
  const reminder =
    remind && assignment && timeZone
      ? manualReminderPreview({ instructorName: user.name, cohortName: cohort.name, assignment, timeZone })
      : null;
  const tableColumns: Column<LearnerSort | "select" | "progress">[] = bulk
    ? [{ key: "select", label: <span className="sr-only">Select</span>, sortable: false }, ...columns]
    : columns;
  const reflectionsTotal = summary.enrolled * REFLECTION_PROMPTS;
  const filtered = Boolean(query.q || query.status);
  return (
    <>
      {assignmentList.length > 1 && (
        <form className="mb-4 flex flex-wrap items-end gap-2">
          <SelectField name="assignment" label="Module" defaultValue={assignment?.id} width="auto">
            {assignmentList.map((a) => (
              <option key={a.id} value={a.id}>
                {a.moduleTitle}
              </option>
            ))}
          </SelectField>
          <button className={buttonClasses({ variant: "secondary" })} type="submit">
            Show
          </button>
        </form>
      )}
      {assignment ? (
        <p className="mb-4 text-sm text-slate-700">
          {assignment.moduleTitle} · opens <LocalTime value={assignment.opensAt} /> · due <LocalTime value={assignment.dueAt} />
        </p>
      ) : (
        <EmptyState
          className="mb-4"
          action={
            manage && (
              <Link className={buttonClasses()} href={`${basePath}/assignment`}>
                Assign it with an open and a due date
              </Link>
            )
          }
        >
          The module is not assigned to this cohort yet.{manage ? "" : " Its instructor can assign it."}
        </EmptyState>
      )}

      <h2 className="sr-only">Summary</h2>
      <ul className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" data-testid="tiles">
        <Stat label="Enrolled" value={String(summary.enrolled)} detail="active learners" />
        <Stat label="Complete" value={formatPercent(summary.completePercent)} detail={`${summary.completed} of ${summary.enrolled}`} />
        <Stat
          label="Quiz pass rate"
          value={formatPercent(summary.quizPassRate)}
          detail={`${summary.quizPassed} of ${summary.quizTakers} who took it`}
        />
        <Stat label="Reflections submitted" value={String(summary.reflectionsSubmitted)} detail={`of ${reflectionsTotal}`} />
        <Stat
          label="Awaiting review"
          value={String(summary.awaitingReview)}
          detail={manage ? "open the review queue" : undefined}
          href={manage ? "/instructor/reviews" : undefined}
        />
        <Stat label="Overdue" value={String(summary.overdue)} detail="past due, not complete" />
      </ul>

      <div className="mt-8 flex flex-wrap items-end justify-between gap-3">
        <h2 className="text-lg font-semibold">Learners</h2>
        <a className={buttonClasses({ variant: "secondary" })} href={`${basePath}/export.csv?${keep({ page: undefined })}`} download>
          Export CSV
        </a>
      </div>
      <form className="mt-3 flex flex-wrap items-end gap-3" role="search" aria-label="Filter learners">
        {assignmentList.length > 1 && <input type="hidden" name="assignment" value={assignment?.id} />}
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <TextField name="q" label="Search name or email" defaultValue={query.q} type="search" />
        <SelectField name="status" label="Status" defaultValue={query.status ?? ""} disabled={!assignment} width="auto">
          <option value="">Any</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {statusLabels[s]}
            </option>
          ))}
        </SelectField>
        <button type="submit" className={buttonClasses()}>
          Apply
        </button>
        {filtered && (
          <Link className="link text-sm" href={`${basePath}?${keep({ q: undefined, status: undefined, page: undefined })}`}>
            Clear filters
          </Link>
        )}
      </form>

      <p className="mt-3 text-sm text-slate-700" role="status">
        {table.total} {table.total === 1 ? "learner" : "learners"}
        {filtered ? " match" : ""}
      </p>
      {/* kept when nothing matches: after removing the last learners shown, their results stay on screen */}
      {bulk && (
        <LearnerBulkBar
          cohortId={cohort.id}
          cohortName={cohort.name}
          assignmentId={assignment?.id ?? null}
          filter={{ status: query.status, q: query.q }}
          total={table.total}
          reminder={reminder}
        />
      )}
      <div className="mt-2">
        <Table
          caption={`Learners of ${cohort.name}`}
          columns={tableColumns}
          sort={{ by: query.sort, dir: query.dir, href: (sort, dir) => `${basePath}?${keep({ sort, dir, page: undefined })}` }}
          empty={
            filtered ? (
              <EmptyState
                action={
                  <Link
                    className={buttonClasses({ variant: "secondary" })}
                    href={`${basePath}?${keep({ q: undefined, status: undefined, page: undefined })}`}
                  >
                    Show every learner
                  </Link>
                }
              >
                No learner matches these filters.
              </EmptyState>
            ) : manage ? (
              <EmptyState
                action={
                  <Link className={buttonClasses()} href={`${basePath}/enrol`}>
                    Enroll learners
                  </Link>
                }
              >
                No learners yet. Enroll them with an invite link, by email or from a CSV roster.
              </EmptyState>
            ) : (
              "No learners are enrolled in this cohort yet."
            )
          }
        >
          {table.rows.map((r) => (
            <LearnerTableRow
              key={r.userId}
              r={r}
              cohortId={cohort.id}
              href={learnerHref ? learnerHref(r.userId) : null}
              manage={manage}
              selectable={bulk}
            />
          ))}
        </Table>
      </div>
      <Pagination page={table.page} pageCount={table.pageCount} href={(page) => `${basePath}?${keep({ page })}`} />
    </>
  );
}
