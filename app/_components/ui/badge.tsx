import type { ComponentPropsWithoutRef } from "react";
import type { ProgressStatus } from "@/lib/learning/progress/status";
import { cx } from "./cx";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

const tones: Record<BadgeTone, string> = {
  neutral: "bg-slate-100 text-slate-800 ring-slate-300",
  info: "bg-blue-50 text-blue-800 ring-blue-200",
  success: "bg-green-50 text-green-800 ring-green-200",
  warning: "bg-amber-50 text-amber-900 ring-amber-300",
  danger: "bg-red-50 text-red-800 ring-red-200",
};

const sizes = {
  /** in table rows */
  sm: "rounded px-2 py-0.5 text-xs",
  /** on cards and page headers */
  md: "rounded-full px-2.5 py-0.5 text-sm",
};

/** The statuses a learner's work is shown with, and the tone of each. */
export type ProductStatus = ProgressStatus | "awaiting_review";

export const statusTone: Record<ProductStatus, BadgeTone> = {
  not_started: "neutral",
  in_progress: "info",
  awaiting_review: "warning",
  complete: "success",
  complete_late: "success",
  overdue: "danger",
};

/**
 * A short label in a colored pill. The color only repeats what the text
 * says, so the text must say it all ("Overdue", not a red dot). For a
 * learner's status: `<Badge tone={statusTone[status]}>{statusLabels[status]}</Badge>`.
 */
export function Badge({
  tone = "neutral",
  size = "md",
  className,
  ...rest
}: ComponentPropsWithoutRef<"span"> & { tone?: BadgeTone; size?: keyof typeof sizes }) {
  return (
    <span
      className={cx("inline-flex items-center font-semibold whitespace-nowrap ring-1 ring-inset", sizes[size], tones[tone], className)}
      {...rest}
    />
  );
}
