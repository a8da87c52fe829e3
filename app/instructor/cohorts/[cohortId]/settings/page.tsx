import type { Metadata } from "next";
import { page } from "@/app/_edge/page";
import { AppShell } from "@/app/_components/app-shell";
import { CohortHeader } from "@/app/_components/cohort/cohort-header";
import { listCohortInstructors, requireCohort } from "@/lib/cohorts/cohorts";
import { updateCohortAction } from "../../actions";
import { CohortForm } from "../../cohort-form";
import { AddCoInstructorForm, ArchiveForm } from "./settings-forms";
import { cardClasses } from "@/app/_components/ui/card";
import { cx } from "@/app/_components/ui/cx";

export const metadata: Metadata = { title: "Cohort settings" };

export default page<{ cohortId: string }>({ permission: "workspace.instructor" }, async ({ user, params }) => {
  const cohort = await requireCohort(user, params.cohortId, "cohort.manage");
  const basePath = `/instructor/cohorts/${cohort.id}`;
  const instructors = await listCohortInstructors({ cohortId: cohort.id });
  const archived = cohort.status === "archived";
  return (
    <AppShell user={user} wide>
      <CohortHeader cohort={cohort} current="settings" basePath={basePath} manage />
      <div className="space-y-8">
        <section aria-labelledby="details-heading" className={cx(cardClasses, "max-w-xl space-y-4")}>
          <h2 id="details-heading" className="text-lg font-semibold">
            Name and description
          </h2>
          <CohortForm
            action={updateCohortAction}
            cohortId={cohort.id}
            defaults={{ name: cohort.name, description: cohort.description }}
            submitLabel="Save"
          />
        </section>

        <section aria-labelledby="instructors-heading" className={cx(cardClasses, "max-w-xl space-y-4")}>
          <h2 id="instructors-heading" className="text-lg font-semibold">
            Instructors
          </h2>
          <ul className="list-disc pl-5">
            {instructors.map((i) => (
              <li key={i.id}>
                {i.name} <span className="text-slate-600">({i.email})</span>
              </li>
            ))}
          </ul>
          <p className="text-slate-700">A co-instructor sees and manages this cohort exactly as you do.</p>
          <AddCoInstructorForm cohortId={cohort.id} />
        </section>

        <section aria-labelledby="archive-heading" className={cx(cardClasses, "max-w-xl space-y-3")}>
          <h2 id="archive-heading" className="text-lg font-semibold">
            {archived ? "Archived" : "Archive"}
          </h2>
          <p className="text-slate-700">
            {archived
              ? "This cohort is archived: it is out of your list and no one can join it. Every record is kept."
              : "When the cohort is over, archive it: it leaves your list and its invite links stop working. Every enrollment, attempt and reflection is kept, and you can unarchive it at any time."}
          </p>
          <ArchiveForm cohortId={cohort.id} archived={archived} />
        </section>
      </div>
    </AppShell>
  );
});
