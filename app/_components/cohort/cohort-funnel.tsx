import type { CohortFunnel } from "@/lib/reports/cohort-funnel";
import { formatPercent } from "@/lib/platform/format";

const stages = [
  { key: "notStarted", label: "Not started", note: "have not opened the lesson" },
  { key: "reading", label: "Reading", note: "started the lesson" },
  { key: "quizPassed", label: "Quiz passed", note: "passed the quiz" },
  { key: "reflectionsIn", label: "Reflections in", note: "passed and submitted every reflection" },
  { key: "complete", label: "Complete", note: "completed the module" },
] as const;

/**
 * How far the cohort's learners have come, as a list of stages with counts
 * (the words are the data; the bars, hidden from screen readers, only draw
 * them). Each stage after "Not started" counts who reached it.
 */
export function CohortFunnelView({ funnel }: { funnel: CohortFunnel }) {
  const share = (n: number) => (funnel.enrolled ? (100 * n) / funnel.enrolled : null);
  return (
    <ol className="space-y-2" data-testid="cohort-funnel">
      {stages.map((s) => {
        const n = funnel[s.key];
        const pct = share(n);
        return (
          <li key={s.key} data-testid={`funnel-${s.key}`}>
            <div className="flex items-baseline justify-between gap-3 text-sm">
              <span className="font-medium">{s.label}</span>
              <span className="tabular-nums">
                <span data-testid="funnel-count">{n}</span> <span className="text-slate-600">({formatPercent(pct)})</span>
              </span>
            </div>
            <div className="mt-1 h-2 overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
              <div
                className={s.key === "notStarted" ? "h-full rounded-full bg-slate-500" : "h-full rounded-full bg-brand-600"}
                style={{ width: `${Math.round(pct ?? 0)}%` }}
              />
            </div>
            <p className="sr-only">
              {n} of {funnel.enrolled} {s.note}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
