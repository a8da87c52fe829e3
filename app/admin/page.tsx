import type { Metadata } from "next";
import { formatPercent } from "@/lib/platform/format";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { LocalTime } from "@/app/_components/local-time";
import { page } from "@/app/_edge/page";
import { statusLabels, statuses } from "@/lib/learning/progress/status";
import { readReportFilters, reportQuery, type CohortSortKey, type ReportFilters } from "@/lib/reports/organisation-filters";
import {
  getCompletionsPerWeek,
  getOrganisationTiles,
  hasAnyCohort,
  listOrganisationCohorts,
  listReportInstructors,
} from "@/lib/reports/organisation";
import { CompletionsChart } from "./_components/completions-chart";
import { ExportButton } from "./_components/export-button";

export const metadata: Metadata = { title: "Organisation overview" };

const num = new Intl.NumberFormat("en-US");
const pct = formatPercent;
const hours = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

const columns: { key: CohortSortKey; label: string; numeric?: boolean }[] = [
  { key: "name", label: "Cohort" },
  { key: "enrolled", label: "Enrolled", numeric: true },
  { key: "complete", label: "Complete", numeric: true },
  { key: "overdue", label: "Overdue", numeric: true },
  { key: "median", label: "Median best score", numeric: true },
  { key: "due", label: "Due" },
];

export default page({ permission: "reports.organisation" }, async ({ user, query }) => {
  const { filters, ignored } = readReportFilters(query);
  const [tiles, cohorts, weeks, instructors, anyCohort] = await Promise.all([
    getOrganisationTiles({ actor: user, filters }),
    listOrganisationCohorts({ actor: user, filters }),
    getCompletionsPerWeek({ actor: user, filters }),
    listReportInstructors({ actor: user }),
    hasAnyCohort({ actor: user }),
  ]);
  const filtered = Boolean(filters.from || filters.to || filters.instructor || filters.cohortStatus || filters.status);
  const exportQuery = reportQuery({ ...filters, sort: "name", dir: "asc", page: 1 });
  const sortHref = (key: CohortSortKey) =>
    `/admin?${reportQuery(filters, { sort: key, dir: filters.sort === key && filters.dir === "asc" ? "desc" : "asc", page: 1 })}`;
  const pageHref = (page: number) => `/admin?${reportQuery(filters, { page })}`;

  return (
    <AppShell user={user} wide>
      <h1 className="text-2xl font-bold">Organisation overview</h1>
      <p className="mt-1 text-slate-700">Completion across every cohort. Admins see progress and scores, never reflection text.</p>

      <Filters filters={filters} instructors={instructors} />
      {ignored.length > 0 && (
        <p role="status" className="mt-2 text-sm text-amber-900">
          Some values in the address were not understood and were ignored ({ignored.join(", ")}).
        </p>
      )}

      {!anyCohort ? (
        <div className="card mt-6">
          <h2 className="text-lg font-semibold">No cohorts yet</h2>
          <p className="mt-1 text-slate-700">
            Figures appear here once an instructor creates a cohort, enrols learners and assigns the module.{" "}
            <Link className="link" href="/admin/users/invites">
              Invite an instructor
            </Link>{" "}
            to get started.
          </p>
        </div>
      ) : (
        <>
          <section aria-labelledby="tiles-heading" className="mt-6">
            <h2 id="tiles-heading" className="sr-only">
              Totals
            </h2>
            <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" data-testid="tiles">
              <Tile label="Learners" value={num.format(tiles.learners)} note="with an assignment in view" />
              <Tile label="Assignments" value={num.format(tiles.learnerAssignments)} note="one per learner and module assigned" />
              <Tile label="Complete" value={pct(tiles.completePct)} note={`${num.format(tiles.completed)} completed (incl. late)`} />
              <Tile label="Overdue" value={num.format(tiles.overdue)} note="past due, not complete" />
              <Tile label="Awaiting review" value={num.format(tiles.awaitingReview)} note="reflections submitted, not reviewed" />
              <Tile
                label="Contact hours earned"
                value={hours.format(tiles.contactHours)}
                note="completed × module hours, revoked certificates excluded"
              />
            </dl>
          </section>

          <section aria-labelledby="chart-heading" className="card mt-6">
            <h2 id="chart-heading" className="text-lg font-semibold">
              Completions per week
            </h2>
            <p className="text-sm text-slate-700">Weeks start on Monday (UTC). The date range applies to the completion date here.</p>
            {weeks.length === 0 ? (
              <p className="mt-3 text-sm text-slate-700">No completions in this view yet.</p>
            ) : (
              <>
                <CompletionsChart data={weeks} />
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">Show the numbers as a table</summary>
                  <table className="mt-2 border-collapse text-sm">
                    <caption className="sr-only">Completions per week</caption>
                    <thead>
                      <tr className="border-b text-left">
                        <th scope="col" className="p-1 pr-4">
                          Week of
                        </th>
                        <th scope="col" className="p-1 text-right">
                          Completions
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {weeks.map((w) => (
                        <tr key={w.week} className="border-b">
                          <td className="p-1 pr-4">{w.week}</td>
                          <td className="p-1 text-right">{w.completions}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              </>
            )}
          </section>

          <section aria-labelledby="cohorts-heading" className="mt-6">
            <div className="flex flex-wrap items-end justify-between gap-3">
              <div>
                <h2 id="cohorts-heading" className="text-lg font-semibold">
                  Cohorts
                </h2>
                <p className="text-sm text-slate-700">
                  {num.format(cohorts.total)} {cohorts.total === 1 ? "cohort" : "cohorts"}. Enrolled counts active learners; the other
                  columns count their assignments in view.
                </p>
              </div>
              <ExportButton query={exportQuery} />
            </div>
            {cohorts.rows.length === 0 ? (
              <p className="card mt-3">
                Nothing matches these filters.{" "}
                <Link className="link" href="/admin">
                  Clear the filters
                </Link>{" "}
                to see every cohort.
              </p>
            ) : (
              <div className="mt-3 overflow-x-auto">
                <table className="w-full border-collapse bg-white text-sm" data-testid="cohort-table">
                  <caption className="sr-only">Cohorts, sortable by column</caption>
                  <thead>
                    <tr className="border-b text-left">
                      {columns.map((c) => (
                        <th
                          key={c.key}
                          scope="col"
                          className={`p-2 ${c.numeric ? "text-right" : ""}`}
                          aria-sort={filters.sort === c.key ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}
                        >
                          <Link className="link" href={sortHref(c.key)}>
                            {c.label}
                            {filters.sort === c.key && <span aria-hidden="true">{filters.dir === "asc" ? " ▲" : " ▼"}</span>}
                          </Link>
                        </th>
                      ))}
                      <th scope="col" className="p-2">
                        Instructors
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {cohorts.rows.map((c) => (
                      <tr key={c.id} className="border-b">
                        <td className="p-2">
                          <Link className="link" href={`/admin/cohorts/${c.id}`}>
                            {c.name}
                          </Link>
                          {c.status === "archived" && (
                            <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs text-slate-800">archived</span>
                          )}
                        </td>
                        <td className="p-2 text-right">{num.format(c.enrolled)}</td>
                        <td className="p-2 text-right">{pct(c.completePct)}</td>
                        <td className="p-2 text-right">{num.format(c.overdue)}</td>
                        <td className="p-2 text-right">{c.medianScore === null ? "—" : `${Math.round(c.medianScore)}%`}</td>
                        <td className="p-2">
                          {c.firstDue ? <LocalTime value={c.firstDue} dateOnly /> : "—"}
                          {c.lastDue && c.firstDue && c.lastDue.getTime() !== c.firstDue.getTime() && (
                            <>
                              {" "}
                              – <LocalTime value={c.lastDue} dateOnly />
                            </>
                          )}
                        </td>
                        <td className="p-2">{c.instructors || "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {cohorts.pageCount > 1 && (
              <nav aria-label="Cohort pages" className="mt-3 flex gap-4 text-sm">
                {cohorts.page > 1 && (
                  <Link className="link" href={pageHref(cohorts.page - 1)}>
                    Previous page
                  </Link>
                )}
                <span>
                  Page {cohorts.page} of {cohorts.pageCount}
                </span>
                {cohorts.page < cohorts.pageCount && (
                  <Link className="link" href={pageHref(cohorts.page + 1)}>
                    Next page
                  </Link>
                )}
              </nav>
            )}
            {filtered && <p className="mt-2 text-sm text-slate-700">The CSV has the same filters as this view.</p>}
          </section>
        </>
      )}
    </AppShell>
  );
});

function Tile({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <div className="card">
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className="mt-1 text-2xl font-bold" data-testid={`tile-${label}`}>
        {value}
      </dd>
      <dd className="text-xs text-slate-600">{note}</dd>
    </div>
  );
}

function Filters({ filters, instructors }: { filters: ReportFilters; instructors: { id: string; name: string; email: string }[] }) {
  return (
    <form method="get" action="/admin" className="card mt-4" aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="sr-only">
        Filters
      </h2>
      <div className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-[auto_auto_1fr_auto_auto_auto]">
        <div>
          <label htmlFor="from" className="label">
            Due from
          </label>
          <input id="from" name="from" type="date" defaultValue={filters.from} className="input" aria-describedby="dates-note" />
        </div>
        <div>
          <label htmlFor="to" className="label">
            Due until
          </label>
          <input id="to" name="to" type="date" defaultValue={filters.to} className="input" aria-describedby="dates-note" />
        </div>
        <div>
          <label htmlFor="instructor" className="label">
            Instructor
          </label>
          <select id="instructor" name="instructor" defaultValue={filters.instructor ?? ""} className="input">
            <option value="">Any instructor</option>
            {instructors.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name} ({i.email})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="cohortStatus" className="label">
            Cohort
          </label>
          <select id="cohortStatus" name="cohortStatus" defaultValue={filters.cohortStatus ?? ""} className="input">
            <option value="">Active and archived</option>
            <option value="active">Active</option>
            <option value="archived">Archived</option>
          </select>
        </div>
        <div>
          <label htmlFor="status" className="label">
            Assignment status
          </label>
          <select id="status" name="status" defaultValue={filters.status ?? ""} className="input">
            <option value="">Any status</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex gap-2">
          {filters.sort !== "name" && <input type="hidden" name="sort" value={filters.sort} />}
          {filters.dir !== "asc" && <input type="hidden" name="dir" value={filters.dir} />}
          <button type="submit" className="btn">
            Apply
          </button>
          <Link href="/admin" className="btn-secondary">
            Clear
          </Link>
        </div>
      </div>
      <p id="dates-note" className="mt-2 text-sm text-slate-700">
        Dates (UTC days, inclusive) pick assignments by their due date for the totals, the cohort table and the CSV, and completions by
        their completion date for the chart. The address of this page keeps the filters, so you can share it.
      </p>
    </form>
  );
}
