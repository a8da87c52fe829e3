"use client";

import { useActionState } from "react";
import type { ActionState } from "@/app/_edge/action";

type Action = (prev: ActionState | undefined, fd: FormData) => Promise<ActionState>;

/** Name and description of a cohort: the create page and the settings page share it. */
export function CohortForm({
  action,
  cohortId,
  defaults,
  submitLabel,
}: {
  action: Action;
  cohortId?: string;
  defaults?: { name: string; description: string };
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const err = state?.fieldErrors ?? {};
  const v = state?.values ?? {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {cohortId && <input type="hidden" name="cohortId" value={cohortId} />}
      <div>
        <label htmlFor="name" className="label">Cohort name</label>
        <input id="name" name="name" className="input" defaultValue={v.name ?? defaults?.name ?? ""} required maxLength={120}
          aria-invalid={Boolean(err.name)} aria-describedby={err.name ? "name-error" : "name-hint"} />
        {err.name ? <p id="name-error" className="field-error">{err.name}</p> : <p id="name-hint" className="mt-1 text-sm text-slate-600">For example “CRSS Spring 2026 — Tuesday group”.</p>}
      </div>
      <div>
        <label htmlFor="description" className="label">Description (optional)</label>
        <textarea id="description" name="description" rows={3} className="input" defaultValue={v.description ?? defaults?.description ?? ""}
          aria-invalid={Boolean(err.description)} aria-describedby={err.description ? "description-error" : undefined} />
        {err.description && <p id="description-error" className="field-error">{err.description}</p>}
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" className="btn" disabled={pending}>{pending ? "Saving…" : submitLabel}</button>
        <p role="status" className={`text-sm ${state?.ok === false ? "text-red-700" : "text-brand-700"}`}>{state?.message}</p>
      </div>
    </form>
  );
}
