import type { Metadata } from "next";
import { formatCount, formatHours, formatPercent } from "@/lib/platform/format";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { LocalTime } from "@/app/_components/local-time";
import { Badge } from "@/app/_components/ui/badge";
import { Button, buttonClasses } from "@/app/_components/ui/button";
import { Card, cardClasses } from "@/app/_components/ui/card";
import { cx } from "@/app/_components/ui/cx";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { controlClasses, Field, SelectField } from "@/app/_components/ui/field";
import { Pagination } from "@/app/_components/ui/pagination";
import { Table, Td, Tr, type Column, type SortDir } from "@/app/_components/ui/table";
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
import { weekHref } from "./_components/week-href";
import { ExportButton } from "./_components/export-button";

export const metadata: Metadata = { title: "Organization overview" };

const pct = formatPercent;

const columns: Column<CohortSortKey | "instructors">[] = [
  { key: "name", label: "Cohort" },
  { key: "enrolled", label: "Enrolled", numeric: true },
  { key: "complete", label: "Complete", numeric: true },
  { key: "overdue", label: "Overdue", numeric: true },
  { key: "median", label: "Median best score", numeric: true },
  { key: "due", label: "Due" },
  { key: "instructors", label: "Instructors", sortable: false },
];

const weekColumns: Column[] = [
  { key: "week", label: "Week of" },
  { key: "completions", label: "Completions", numeric: true },
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
  const sortHref = (key: CohortSortKey | "instructors", dir: SortDir) =>
    `/admin?${reportQuery(filters, { sort: key === "instructors" ? filters.sort : key, dir, page: 1 })}`;
  const pageHref = (page: number) => `/admin?${reportQuery(filters, { page })}`;
  // a week's drill-down keeps the filters of the view (not its sort or page)
  const weekQuery = reportQuery({ ...filters, sort: "name", dir: "asc", page: 1 });

  return (
    <AppShell user={user} wide>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Organization overview</h1>
        <Link className={buttonClasses({ variant: "secondary" })} href="/admin/cohorts/new">
          New cohort
        </Link>
      </div>
      <p className="mt-1 text-slate-700">Completion across every cohort. Admins see progress and scores, never reflection text.</p>

      <Filters filters={filters} instructors={instructors} />
      {ignored.length > 0 && (
        <p role="status" className="mt-2 text-sm text-amber-900">
          Some values in the address were not understood and were ignored ({ignored.join(", ")}).
        </p>
      )}

      {!anyCohort ? (
        <Card title="No cohorts yet" className="mt-6">
          <p className="text-slate-700">
            Figures appear here once a cohort has learners and the module is assigned.{" "}
            <Link className="link" href="/admin/users/invites">
              Invite an instructor
            </Link>
            , then{" "}
            <Link className="link" href="/admin/cohorts/new">
              create a cohort
            </Link>{" "}
            to get started.
          </p>
        </Card>
      ) : (
        <>
          <section aria-labelledby="tiles-heading" className="mt-6">
            <h2 id="tiles-heading" className="sr-only">
              Totals
            </h2>
            <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" data-testid="tiles">
              <Tile label="Learners" value={formatCount(tiles.learners)} note="with an assignment in view" />
              <Tile label="Assignments" value={formatCount(tiles.learnerAssignments)} note="one per learner and module assigned" />
              <Tile label="Complete" value={pct(tiles.completePct)} note={`${formatCount(tiles.completed)} completed (incl. late)`} />
              <Tile label="Overdue" value={formatCount(tiles.overdue)} note="past due, not complete" />
              <Tile label="Awaiting review" value={formatCount(tiles.awaitingReview)} note="reflections submitted, not reviewed" />
              <Tile
                label="Contact hours earned"
                value={formatHours(tiles.contactHours)}
                note="completed × module hours, revoked certificates excluded"
              />
            </dl>
          </section>

          <Card
            title="Completions per week"
            description="Weeks start on Monday (UTC). The date range applies to the completion date here. Select a bar, or a week in the table, to see who completed that week."
            className="mt-6"
          >
            {weeks.length === 0 ? (
              <EmptyState
                action={
                  filtered && (
                    <Link className={buttonClasses({ variant: "secondary" })} href="/admin">
                      Clear the filters
                    </Link>
                  )
                }
              >
                No completions in this view yet.{filtered ? "" : " Weeks fill in as learners complete the module."}
              </EmptyState>
            ) : (
              <>
                <CompletionsChart data={weeks} query={weekQuery} />
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">Show the numbers as a table</summary>
                  <div className="mt-2 max-w-xs">
                    <Table caption="Completions per week" columns={weekColumns} framed={false}>
                      {weeks.map((w) => (
                        <Tr key={w.week}>
                          <Td>
                            <Link className="link" href={weekHref(w.week, weekQuery)}>
                              {w.week}
                            </Link>
                          </Td>
                          <Td numeric>{w.completions}</Td>
                        </Tr>
                      ))}
                    </Table>
                  </div>
                </details>
              </>
            )}
          </Card>

          <section aria-labelledby="cohorts-heading" className="mt-6">
            <div className="flex flex-wrap items-end justify-between gap-3">
              <div>
                <h2 id="cohorts-heading" className="text-lg font-semibold">
                  Cohorts
                </h2>
                <p className="text-sm text-slate-700">
                  {formatCount(cohorts.total)} {cohorts.total === 1 ? "cohort" : "cohorts"}. Enrolled counts active learners; the other
                  columns count their assignments in view.
                </p>
              </div>
              <ExportButton query={exportQuery} />
            </div>
            <div className="mt-3">
              <Table
                caption="Cohorts, sortable by column"
                columns={columns}
                sort={{ by: filters.sort, dir: filters.dir, href: sortHref }}
                data-testid="cohort-table"
                empty={
                  <EmptyState>
                    Nothing matches these filters.{" "}
                    <Link className="link" href="/admin">
                      Clear the filters
                    </Link>{" "}
                    to see every cohort.
                  </EmptyState>
                }
              >
                {cohorts.rows.map((c) => (
                  <Tr key={c.id}>
                    <Td>
                      <Link className="link" href={`/admin/cohorts/${c.id}`}>
                        {c.name}
                      </Link>
                      {c.status === "archived" && (
                        <Badge size="sm" className="ml-2">
                          archived
                        </Badge>
                      )}
                    </Td>
                    <Td numeric>{formatCount(c.enrolled)}</Td>
                    <Td numeric>{pct(c.completePct)}</Td>
                    <Td numeric>{formatCount(c.overdue)}</Td>
                    <Td numeric>{formatPercent(c.medianScore)}</Td>
                    <Td>
                      {c.firstDue ? <LocalTime value={c.firstDue} dateOnly /> : "—"}
                      {c.lastDue && c.firstDue && c.lastDue.getTime() !== c.firstDue.getTime() && (
                        <>
                          {" "}
                          – <LocalTime value={c.lastDue} dateOnly />
                        </>
                      )}
                    </Td>
                    <Td>{c.instructors || "—"}</Td>
                  </Tr>
                ))}
              </Table>
            </div>
            <Pagination page={cohorts.page} pageCount={cohorts.pageCount} href={pageHref} label="Cohort pages" />
            {filtered && <p className="mt-2 text-sm text-slate-700">The CSV has the same filters as this view.</p>}
          </section>
        </>
      )}
    </AppShell>
  );
});

function Tile({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <Card>
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className="mt-1 text-2xl font-bold" data-testid={`tile-${label}`}>
        {value}
      </dd>
      <dd className="text-xs text-slate-600">{note}</dd>
    </Card>
  );
}

function Filters({ filters, instructors }: { filters: ReportFilters; instructors: { id: string; name: string; email: string }[] }) {
  return (
    <form method="get" action="/admin" className={cx(cardClasses, "mt-4")} aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="sr-only">
        Filters
      </h2>
      <div className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-[auto_auto_1fr_auto_auto_auto]">
        <Field id="from" label="Due from">
          {(control) => (
            <input
              name="from"
              type="date"
              defaultValue={filters.from}
              className={cx(controlClasses, "w-full")}
              {...control}
              aria-describedby="dates-note"
            />
          )}
        </Field>
        <Field id="to" label="Due until">
          {(control) => (
            <input
              name="to"
              type="date"
              defaultValue={filters.to}
              className={cx(controlClasses, "w-full")}
              {...control}
              aria-describedby="dates-note"
            />
          )}
        </Field>
        <SelectField name="instructor" label="Instructor" defaultValue={filters.instructor ?? ""}>
          <option value="">Any instructor</option>
          {instructors.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name} ({i.email})
            </option>
          ))}
        </SelectField>
        <SelectField name="cohortStatus" label="Cohort" defaultValue={filters.cohortStatus ?? ""}>
          <option value="">Active and archived</option>
          <option value="active">Active</option>
          <option value="archived">Archived</option>
        </SelectField>
        <SelectField name="status" label="Assignment status" defaultValue={filters.status ?? ""}>
          <option value="">Any status</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {statusLabels[s]}
            </option>
          ))}
        </SelectField>
        <div className="flex gap-2">
          {filters.sort !== "name" && <input type="hidden" name="sort" value={filters.sort} />}
          {filters.dir !== "asc" && <input type="hidden" name="dir" value={filters.dir} />}
          <Button type="submit">Apply</Button>
          <Link href="/admin" className={buttonClasses({ variant: "secondary" })}>
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
