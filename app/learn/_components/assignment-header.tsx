import { LocalTime } from "@/app/_components/local-time";
import { Breadcrumbs } from "@/app/_components/ui/breadcrumbs";
import type { LearnerAssignmentPage } from "@/lib/learning/page-data";
import { windowMessages } from "@/lib/learning/window";

/** Breadcrumb, page title and the assignment's dates, shared by every page under /learn/[progressId]. */
export function AssignmentHeader({
  progressId,
  assignment,
  here,
  title,
}: {
  progressId: string;
  assignment: Pick<LearnerAssignmentPage, "version" | "cohortName" | "dueAt" | "progress" | "opensAt" | "window">;
  /** the last breadcrumb; omitted on the assignment's own page */
  here?: string;
  title: string;
}) {
  const { cohortName, dueAt, opensAt, window } = assignment;
  const moduleTitle = assignment.version.title;
  return (
    <header className="mb-6">
      <Breadcrumbs
        items={[
          { label: "My training", href: "/learn" },
          ...(here ? [{ label: moduleTitle, href: `/learn/${progressId}` }, { label: here }] : [{ label: moduleTitle }]),
        ]}
      />
      <h1 className="mt-3 text-2xl font-bold leading-tight sm:text-3xl">{title}</h1>
      <p className="mt-1 text-sm text-slate-700">
        {cohortName} · Due <LocalTime value={dueAt} />
        {assignment.progress.dueAtOverride && <span data-testid="extended"> (extended)</span>}
      </p>
      {window !== "open" && (
        <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900" role="note">
          {windowMessages[window]}
          {window === "not_open" && (
            <>
              {" "}
              It opens <LocalTime value={opensAt} />.
            </>
          )}
        </p>
      )}
    </header>
  );
}
