import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { LocalTime } from "@/app/_components/local-time";
import { buttonClasses } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { Pagination } from "@/app/_components/ui/pagination";
import { Table, Td, Tr, type Column } from "@/app/_components/ui/table";
import { page } from "@/app/_edge/page";
import { formatDate } from "@/lib/platform/format";
import { listCompletionsInWeek, weekSchema } from "@/lib/reports/completions-week";
import { readReportFilters, reportQuery } from "@/lib/reports/organisation-filters";

export const metadata: Metadata = { title: "Completions in a week" };

const columns: Column[] = [
  { key: "name", label: "Learner" },
  { key: "cohort", label: "Cohort" },
  { key: "module", label: "Module" },
  { key: "completed", label: "Completed" },
];

/**
 * The completions behind one bar of the organisation chart (/admin?…): the
 * week in `week` (its Monday, UTC), with the overview's filters, 25 a page.
 * Each name opens the learner's training record.
 */
export default page({ permission: "reports.organisation" }, async ({ user, query }) => {
  const { filters } = readReportFilters(query);
  const back = `/admin?${reportQuery(filters, { page: 1 })}`;
  const week = weekSchema.safeParse(query.week);
  if (!week.success) {
    return (
      <AppShell user={user} wide>
        <h1 className="text-2xl font-bold">Completions in a week</h1>
        <EmptyState
          className="mt-4"
          action={
            <Link className={buttonClasses()} href={back}>
              Back to the overview
            </Link>
          }
        >
          Pick a week on the overview&apos;s chart or in its table of weeks: this address does not name one.
        </EmptyState>
      </AppShell>
    );
  }
  const list = await listCompletionsInWeek({ actor: user, week: week.data, filters, page: filters.page });
  const label = formatDate(`${week.data}T00:00:00Z`, { timeZone: "UTC", month: "long" });
  const pageHref = (p: number) => `/admin/completions?${new URLSearchParams({ week: week.data })}&${reportQuery(filters, { page: p })}`;
  return (
    <AppShell user={user} wide>
      <p className="text-sm">
        <Link className="link" href={back}>
          Organization overview
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold">Completions in the week of {label}</h1>
      <p className="mt-1 text-slate-700" role="status">
        {list.total} {list.total === 1 ? "completion" : "completions"} from Monday to Sunday (UTC), with the overview&apos;s filters.
      </p>
      <div className="mt-4">
        <Table
          caption={`Completions in the week of ${label}`}
          columns={columns}
          data-testid="week-completions"
          empty={
            <EmptyState
              action={
                <Link className={buttonClasses({ variant: "secondary" })} href={back}>
                  Back to the overview
                </Link>
              }
            >
              Nobody completed a module that week{list.page > 1 ? " on this page" : ""}.
            </EmptyState>
          }
        >
          {list.rows.map((r) => (
            <Tr key={r.progressId}>
              <Td>
                <Link className="link" href={`/people/${r.userId}/record`}>
                  {r.name}
                </Link>
                <div className="text-xs text-slate-600">{r.email}</div>
              </Td>
              <Td>
                <Link className="link" href={`/admin/cohorts/${r.cohortId}`}>
                  {r.cohortName}
                </Link>
              </Td>
              <Td>{r.moduleTitle ?? "—"}</Td>
              <Td className="whitespace-nowrap">
                <LocalTime value={r.completedAt} />
              </Td>
            </Tr>
          ))}
        </Table>
      </div>
      <Pagination page={list.page} pageCount={list.pageCount} href={pageHref} label="Pages of completions" />
    </AppShell>
  );
});
