import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { page } from "@/app/_edge/page";
import { listAdminChoices } from "@/lib/accounts/people";
import { NewCohortForm } from "./new-cohort-form";

export const metadata: Metadata = { title: "New cohort" };

export default page({ permission: "workspace.admin" }, async ({ user }) => {
  const { instructors } = await listAdminChoices({ actor: user });
  return (
    <AppShell user={user}>
      <p className="text-sm">
        <Link className="link" href="/admin">
          Overview
        </Link>{" "}
        / New cohort
      </p>
      <h1 className="mt-1 text-2xl font-bold">New cohort</h1>
      {instructors.length === 0 ? (
        <EmptyState
          className="mt-4"
          action={
            <Link className="link" href="/admin/users/invites">
              Invite an instructor
            </Link>
          }
        >
          A cohort needs an instructor, and there is no active instructor yet.
        </EmptyState>
      ) : (
        <Card className="mt-4">
          <NewCohortForm instructors={instructors} />
        </Card>
      )}
    </AppShell>
  );
});
