import Link from "next/link";
import { Badge } from "@/app/_components/ui/badge";

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
}: {
  cohort: { id: string; name: string; status: "active" | "archived"; description?: string };
  current: Tab;
  basePath: string;
  manage: boolean;
}) {
  const tabs: { key: Tab; label: string; href: string }[] = [
    { key: "progress", label: "Progress", href: basePath },
    { key: "insights", label: "Quiz insights", href: `${basePath}/insights` },
    ...(manage
      ? [
          { key: "enrol" as const, label: "Enrol learners", href: `${basePath}/enrol` },
          { key: "assignment" as const, label: "Assignment", href: `${basePath}/assignment` },
          { key: "settings" as const, label: "Settings", href: `${basePath}/settings` },
        ]
      : []),
  ];
  return (
    <div className="mb-6">
      <p className="text-sm">
        <Link className="link" href={manage ? "/instructor" : "/admin"}>
          {manage ? "My cohorts" : "Overview"}
        </Link>
      </p>
      <h1 className="mt-1 flex flex-wrap items-center gap-3 text-2xl font-bold">
        {cohort.name}
        {cohort.status === "archived" && <Badge tone="warning">Archived</Badge>}
      </h1>
      {cohort.description ? <p className="mt-1 text-slate-700">{cohort.description}</p> : null}
      <nav aria-label="Cohort" className="mt-4 flex flex-wrap gap-1 border-b border-slate-200">
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
