import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { buttonClasses } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { page } from "@/app/_edge/page";
import { listAdminChoices } from "@/lib/accounts/people";

export const metadata: Metadata = { title: "Import learners" };

/** A roster import always enrols into one cohort: choose it, then import on its enrol page. */
export default page({ permission: "users.manage" }, async ({ user }) => {
  const { cohorts } = await listAdminChoices({ actor: user });
  return (
    <AppShell user={user}>
      <p className="text-sm">
        <Link className="link" href="/admin/users">
          People
        </Link>{" "}
        / Import learners
      </p>
      <h1 className="mt-1 text-2xl font-bold">Import learners</h1>
      <p className="mt-1 max-w-prose text-slate-700">
        A CSV file with the columns name and email (
        <a className="link" href="/roster-template.csv" download="roster-template.csv">
          download a template
        </a>
        ) makes an account for each new learner and enrolls them in the cohort you choose. You see every row before anything is saved; rows
        with a problem are listed with the reason and skipped.
      </p>
      {cohorts.length === 0 ? (
        <EmptyState
          className="mt-4"
          action={
            <Link className={buttonClasses()} href="/admin/cohorts/new">
              Create a cohort
            </Link>
          }
        >
          No open cohort yet: learners are imported into a cohort. Create one first, or add learners one at a time.
        </EmptyState>
      ) : (
        <Card title="Choose the cohort" className="mt-4">
          <ul className="divide-y" aria-label="Open cohorts">
            {cohorts.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>{c.name}</span>
                <Link className="link" href={`/admin/cohorts/${c.id}/enrol#import`}>
                  Import into {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </AppShell>
  );
});
