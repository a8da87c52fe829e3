import type { Metadata } from "next";
import { AppShell } from "@/app/_components/app-shell";
import { page } from "@/app/_edge/page";
import { createCohortAction } from "../actions";
import { CohortForm } from "../cohort-form";
import { cardClasses } from "@/app/_components/ui/card";
import { cx } from "@/app/_components/ui/cx";

export const metadata: Metadata = { title: "Create a cohort" };

export default page({ permission: "workspace.instructor" }, async ({ user }) => {
  return (
    <AppShell user={user} wide breadcrumbs={[{ label: "My cohorts", href: "/instructor" }, { label: "Create a cohort" }]}>
      <h1 className="mt-1 text-2xl font-bold">Create a cohort</h1>
      <p className="mt-1 text-slate-700">You will be its instructor. Next you can enroll learners and assign the module.</p>
      <div className={cx(cardClasses, "mt-6 max-w-xl")}>
        <CohortForm action={createCohortAction} submitLabel="Create cohort" />
      </div>
    </AppShell>
  );
});
