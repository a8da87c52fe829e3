import { statusLabels, type ProgressStatus } from "@/lib/learning/progress/status";

const tone: Record<ProgressStatus, string> = {
  not_started: "bg-slate-100 text-slate-800",
  in_progress: "bg-blue-50 text-blue-900",
  complete: "bg-green-50 text-green-900",
  complete_late: "bg-green-50 text-green-900",
  overdue: "bg-red-50 text-red-800",
};

export function StatusBadge({ status }: { status: ProgressStatus | null }) {
  if (!status) return <span className="text-slate-600">Not assigned</span>;
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${tone[status]}`}>{statusLabels[status]}</span>;
}
