"use client";

import { useActionState } from "react";
import { LocalDateTimeField } from "@/app/_components/local-datetime-field";
import { assignModuleAction, updateDatesAction } from "./actions";

function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="label">{label}</label>
      {children}
      {hint && !error && <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">{hint}</p>}
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
    </div>
  );
}

export function AssignForm({ cohortId, modules }: { cohortId: string; modules: { id: string; title: string; passMark: number }[] }) {
  const [state, action, pending] = useActionState(assignModuleAction, undefined);
  const err = state?.fieldErrors ?? {};
  const v = state?.values ?? {};
  const describe = (name: string, hint = false) => (err[name] ? `${name}-error` : hint ? `${name}-hint` : undefined);
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <input type="hidden" name="cohortId" value={cohortId} />
      <Field id="moduleId" label="Module" error={err.moduleId}>
        <select id="moduleId" name="moduleId" className="input" defaultValue={v.moduleId ?? modules[0]?.id} aria-invalid={Boolean(err.moduleId)} aria-describedby={describe("moduleId")}>
          {modules.map((m) => <option key={m.id} value={m.id}>{m.title}</option>)}
        </select>
      </Field>
      <LocalDateTimeField name="opensAt" label="Opens" error={err.opensAt} hint="Learners can start from then." />
      <LocalDateTimeField name="dueAt" label="Due" error={err.dueAt} hint="Must be after the open date." />
      <Field id="passMarkOverride" label="Pass mark (optional, %)" error={err.passMarkOverride} hint={`Leave empty for the module's pass mark (${modules[0]?.passMark ?? 80} %).`}>
        <input id="passMarkOverride" name="passMarkOverride" type="number" min={1} max={100} inputMode="numeric" className="input w-32" defaultValue={v.passMarkOverride ?? ""}
          aria-invalid={Boolean(err.passMarkOverride)} aria-describedby={describe("passMarkOverride", true)} />
      </Field>
      <Field id="maxAttempts" label="Attempts limit (optional)" error={err.maxAttempts} hint="Leave empty for unlimited attempts.">
        <input id="maxAttempts" name="maxAttempts" type="number" min={1} max={100} inputMode="numeric" className="input w-32" defaultValue={v.maxAttempts ?? ""}
          aria-invalid={Boolean(err.maxAttempts)} aria-describedby={describe("maxAttempts", true)} />
      </Field>
      <button type="submit" className="btn" disabled={pending}>{pending ? "Assigning…" : "Assign module"}</button>
      {state?.message && <p role="status" className={state.ok ? "text-brand-800" : "text-red-700"}>{state.message}</p>}
    </form>
  );
}

export function DatesForm({ cohortId, assignmentId, opensAt, dueAt }: { cohortId: string; assignmentId: string; opensAt: string; dueAt: string }) {
  const [state, action, pending] = useActionState(updateDatesAction, undefined);
  const err = state?.fieldErrors ?? {};
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <LocalDateTimeField name="opensAt" label="Opens" defaultIso={opensAt} error={err.opensAt} />
      <LocalDateTimeField name="dueAt" label="Due" defaultIso={dueAt} error={err.dueAt} hint="Must be after the open date." />
      <button type="submit" className="btn" disabled={pending}>{pending ? "Saving…" : "Save dates"}</button>
      {state?.message && <p role="status" className={state.ok ? "text-brand-800" : "text-red-700"}>{state.message}</p>}
    </form>
  );
}
