import { formatPercent } from "@/lib/platform/format";
import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { LocalTime } from "@/app/_components/local-time";
import { buttonClasses } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { Table, Td, Tr, type Column } from "@/app/_components/ui/table";
import { page } from "@/app/_edge/page";
import { listCohortsWithFigures } from "@/lib/cohorts/cohorts";

export const metadata: Metadata = { title: "My cohorts" };

const columns: Column[] = [
  { key: "cohort", label: "Cohort" },
  { key: "learners", label: "Learners", numeric: true },
  { key: "complete", label: "Complete", numeric: true },
  { key: "overdue", label: "Overdue", numeric: true },
  { key: "nextDue", label: "Next due" },
];

export default page({ permission: "workspace.instructor" }, async ({ user, query }) => {
  const archived = query.archived === "1";
  const cohorts = await listCohortsWithFigures({ actor: user, archived });
  return (
    <AppShell user={user} wide>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{archived ? "Archived cohorts" : "My cohorts"}</h1>
        <Link href="/instructor/cohorts/new" className={buttonClasses()}>
          Create a cohort
        </Link>
      </div>
      <div className="mt-6">
        <Table
          caption={archived ? "Archived cohorts" : "Cohorts you teach"}
          columns={columns}
          empty={
            <EmptyState
              action={
                !archived && (
                  <Link className={buttonClasses()} href="/instructor/cohorts/new">
                    Create a cohort
                  </Link>
                )
              }
            >
              {archived ? (
                <>
                  No archived cohorts.{" "}
                  <Link className="link" href="/instructor">
                    Back to your cohorts
                  </Link>
                  .
                </>
              ) : (
                <>
                  No cohorts yet —{" "}
                  <Link className="link" href="/instructor/cohorts/new">
                    create one
                  </Link>
                  , then enroll learners and assign the module.
                </>
              )}
            </EmptyState>
          }
        >
          {cohorts.map((c) => (
            <Tr key={c.id} data-testid={`cohort-row-${c.name}`}>
              <Td>
                <Link className="link font-medium" href={`/instructor/cohorts/${c.id}`}>
                  {c.name}
                </Link>
              </Td>
              <Td numeric>{c.learners}</Td>
              <Td numeric>{formatPercent(c.completePercent)}</Td>
              <Td numeric className={c.overdue ? "font-semibold text-red-800" : undefined}>
                {c.overdue}
              </Td>
              <Td>{c.nextDueAt ? <LocalTime value={c.nextDueAt} /> : "—"}</Td>
            </Tr>
          ))}
        </Table>
      </div>
      <p className="mt-6 text-sm">
        {archived ? (
          <Link className="link" href="/instructor">
            Show current cohorts
          </Link>
        ) : (
          <Link className="link" href="/instructor?archived=1">
            Show archived cohorts
          </Link>
        )}
      </p>
    </AppShell>
  );
});
