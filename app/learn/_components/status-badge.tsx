import { statusLabels, type ProgressStatus } from "@/lib/learning/progress/status";

const tone: Record<ProgressStatus, string> = {
  not_started: "bg-slate-100 text-slate-800 ring-slate-300",
  in_progress: "bg-blue-50 text-blue-800 ring-blue-200",
  complete: "bg-green-50 text-green-800 ring-green-200",
  complete_late: "bg-green-50 text-green-800 ring-green-200",
  overdue: "bg-red-50 text-red-800 ring-red-200",
};

export function StatusBadge({ status }: { status: ProgressStatus }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-semibold ring-1 ring-inset ${tone[status]}`} data-testid="status">
      {statusLabels[status]}
    </span>
  );
}
