import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { Card } from "@/app/_components/ui/card";
import { page } from "@/app/_edge/page";
import { listAdminChoices } from "@/lib/accounts/people";
import { NewLearnerForm } from "../people-forms";

export const metadata: Metadata = { title: "Add a learner" };

export default page({ permission: "users.manage" }, async ({ user, query }) => {
  const { cohorts } = await listAdminChoices({ actor: user });
  const cohortId = typeof query.cohort === "string" && cohorts.some((c) => c.id === query.cohort) ? query.cohort : undefined;
  return (
    <AppShell user={user}>
      <p className="text-sm">
        <Link className="link" href="/admin/users">
          People
        </Link>{" "}
        / Add a learner
      </p>
      <h1 className="mt-1 text-2xl font-bold">Add a learner</h1>
      <p className="mt-1 max-w-prose text-slate-700">
        Cohort makes a learner account without a password and gives you a one-time link for them to choose one. Many learners at once?{" "}
        <Link className="link" href="/admin/users/import">
          Import a CSV
        </Link>
        .
      </p>
      <Card className="mt-4">
        <NewLearnerForm cohorts={cohorts} cohortId={cohortId} />
      </Card>
    </AppShell>
  );
});
