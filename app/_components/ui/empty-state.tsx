import type { ReactNode } from "react";
import { cx } from "./cx";

/**
 * What an empty list says: why it is empty and what to do next. `action` is
 * the next step (a link or button), shown under the text.
 */
export function EmptyState({ children, action, className }: { children: ReactNode; action?: ReactNode; className?: string }) {
  return (
    <div className={cx("rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700", className)}>
      <p>{children}</p>
      {action && <div className="mt-3 flex flex-wrap gap-3">{action}</div>}
    </div>
  );
}
