"use client";

import { useActionState } from "react";
import type { ActionState } from "@/app/_edge/action";
import { buttonClasses } from "@/app/_components/ui/button";

/** A one-button form for an action (hidden fields included), with its message read out when it answers. */
export function FormButton({
  action,
  label,
  hidden = {},
  className,
  children,
}: {
  action: (prev: ActionState | undefined, fd: FormData) => Promise<ActionState>;
  label?: string;
  hidden?: Record<string, string>;
  className?: string;
  children?: React.ReactNode;
}) {
  const [state, run, pending] = useActionState(action, undefined);
  return (
    <form action={run} className="inline">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className ?? buttonClasses()} disabled={pending}>
        {children ?? (pending ? "Working…" : label)}
      </button>
      {state?.message && (
        <span role="status" className="ml-2 text-sm text-slate-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
