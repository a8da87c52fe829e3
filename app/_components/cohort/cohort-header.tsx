import Link from "next/link";
import { Badge } from "@/app/_components/ui/badge";
import { Breadcrumbs, type Crumb } from "@/app/_components/ui/breadcrumbs";

type Tab = "progress" | "insights" | "enrol" | "assignment" | "settings";

/**
 * Title and tabs of a cohort's pages. Admins see the progress and insights
 * only (under /admin); instructors every tab.
 */
export function CohortHeader({
  cohort,
  current,
  basePath,
  manage,
  trail = [],
}: {
  cohort: { id: string; name: string; status: "active" | "archived"; description?: string };
  current: Tab;
  basePath: string;
  manage: boolean;
  /** crumbs below the cohort's tab, for a page deeper in (a learner): [{ label: learner.name }] */
  trail?: Crumb[];
}) {
  const tabs: { key: Tab; label: string; href: string }[] = [
    { key: "progress", label: "Progress", href: basePath },
    { key: "insights", label: "Quiz insights", href: `${basePath}/insights` },
    ...(manage
      ? [
          { key: "enrol" as const, label: "Enroll learners", href: `${basePath}/enrol` },
          { key: "assignment" as const, label: "Assignment", href: `${basePath}/assignment` },
          { key: "settings" as const, label: "Settings", href: `${basePath}/settings` },
        ]
      : []),
  ];
  const tab = tabs.find((t) => t.key === current);
  // My cohorts › Evening cohort › Enroll learners (the progress tab is the cohort's own page) › …trail
  const crumbs: Crumb[] = [
    { label: manage ? "My cohorts" : "Overview", href: manage ? "/instructor" : "/admin" },
    { label: cohort.name, href: basePath },
    ...(tab && tab.key !== "progress" ? [{ label: tab.label, href: tab.href }] : []),
    ...trail,
  ];
  return (
    <div className="mb-6">
      <Breadcrumbs items={crumbs} />
      <h1 className="mt-1 flex flex-wrap items-center gap-3 text-2xl font-bold">
        {cohort.name}
        {cohort.status === "archived" && <Badge tone="warning">Archived</Badge>}
      </h1>
      {cohort.description ? <p className="mt-1 text-slate-700">{cohort.description}</p> : null}
      <nav aria-label="Cohort" className="mt-4 flex flex-wrap gap-x-1 border-b border-slate-200">
        {tabs.map((t) => (
          <Link
            key={t.key}
            href={t.href}
            aria-current={t.key === current ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${t.key === current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:text-brand-700"}`}
          >
            {t.label}
          </Link>
        ))}
      </nav>
    </div>
  );
}
