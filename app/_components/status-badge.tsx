import type { LearnerCardStatus } from "@/lib/learning/next-step";
import { statusLabels } from "@/lib/learning/progress/status";

const tone: Record<LearnerCardStatus, string> = {
  revision_requested: "bg-amber-50 text-amber-900 ring-amber-300",
  not_started: "bg-slate-100 text-slate-800 ring-slate-300",
  in_progress: "bg-blue-50 text-blue-800 ring-blue-200",
  complete: "bg-green-50 text-green-800 ring-green-200",
  complete_late: "bg-green-50 text-green-800 ring-green-200",
  overdue: "bg-red-50 text-red-800 ring-red-200",
};

const shape = {
  /** in staff tables, one per learner row */
  compact: "inline-block rounded px-2 py-0.5 text-xs font-semibold",
  /** on a learner's own cards and pages */
  pill: "inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-semibold ring-1 ring-inset",
};

const labels: Record<LearnerCardStatus, string> = { ...statusLabels, revision_requested: "Revision requested" };

/** A progress status as a colored label; null (nothing assigned yet) as plain text. A learner's own card may say "Revision requested". */
export function StatusBadge({ status, compact = false }: { status: LearnerCardStatus | null; compact?: boolean }) {
  if (!status) return <span className="text-slate-600">Not assigned</span>;
  return (
    <span className={`${compact ? shape.compact : shape.pill} ${tone[status]}`} data-testid="status">
      {labels[status]}
    </span>
  );
}
