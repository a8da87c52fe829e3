import { cx } from "./cx";

/** The part of an action's answer a form shows as one line (ActionState from app/_edge/action). */
type Answer = { ok?: boolean; message?: string; fieldErrors?: Record<string, string> };

/**
 * What the last submit said, announced to screen readers: green when it
 * worked, red when it did not. `show` limits it to one of the two, for forms
 * whose success shows itself (a redirect, a new link). With
 * `quietWithFieldErrors` the general "correct the highlighted fields" line is
 * left out while the fields themselves say what is wrong.
 */
export function FormMessage({
  state,
  show = "both",
  quietWithFieldErrors = false,
  className,
}: {
  state: Answer | undefined;
  show?: "both" | "error" | "success";
  quietWithFieldErrors?: boolean;
  className?: string;
}) {
  if (!state?.message) return null;
  const ok = Boolean(state.ok);
  if ((show === "error" && ok) || (show === "success" && !ok)) return null;
  if (!ok && quietWithFieldErrors && state.fieldErrors && Object.keys(state.fieldErrors).length) return null;
  return (
    <p role="status" className={cx("text-sm", ok ? "text-green-800" : "font-medium text-red-700", className)}>
      {state.message}
    </p>
  );
}
