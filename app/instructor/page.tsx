import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { LocalTime } from "@/app/_components/local-time";
import { page } from "@/app/_edge/page";
import { listCohortsWithFigures } from "@/lib/cohorts/cohorts";

export const metadata: Metadata = { title: "My cohorts" };

export default page({ permission: "workspace.instructor" }, async ({ user, query }) => {
  const archived = query.archived === "1";
  const cohorts = await listCohortsWithFigures({ actor: user, archived });
  return (
    <AppShell user={user} wide>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{archived ? "Archived cohorts" : "My cohorts"}</h1>
        <Link href="/instructor/cohorts/new" className="btn">
          Create a cohort
        </Link>
      </div>
      {cohorts.length === 0 ? (
        <div className="card mt-6">
          {archived ? (
            <p>
              No archived cohorts.{" "}
              <Link className="link" href="/instructor">
                Back to your cohorts
              </Link>
              .
            </p>
          ) : (
            <p>
              No cohorts yet —{" "}
              <Link className="link" href="/instructor/cohorts/new">
                create one
              </Link>
              , then enrol learners and assign the module.
            </p>
          )}
        </div>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm">
            <caption className="sr-only">{archived ? "Archived cohorts" : "Cohorts you teach"}</caption>
            <thead>
              <tr className="border-b text-left">
                <th scope="col" className="p-2">
                  Cohort
                </th>
                <th scope="col" className="p-2 text-right">
                  Learners
                </th>
                <th scope="col" className="p-2 text-right">
                  Complete
                </th>
                <th scope="col" className="p-2 text-right">
                  Overdue
                </th>
                <th scope="col" className="p-2">
                  Next due
                </th>
              </tr>
            </thead>
            <tbody>
              {cohorts.map((c) => (
                <tr key={c.id} className="border-b" data-testid={`cohort-row-${c.name}`}>
                  <td className="p-2">
                    <Link className="link font-medium" href={`/instructor/cohorts/${c.id}`}>
                      {c.name}
                    </Link>
                  </td>
                  <td className="p-2 text-right">{c.learners}</td>
                  <td className="p-2 text-right">{c.completePercent === null ? "—" : `${c.completePercent} %`}</td>
                  <td className={`p-2 text-right ${c.overdue ? "font-semibold text-red-800" : ""}`}>{c.overdue}</td>
                  <td className="p-2">{c.nextDueAt ? <LocalTime value={c.nextDueAt} /> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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
