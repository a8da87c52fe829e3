"use client";

import { useActionState } from "react";
import { CopyField } from "@/app/_components/copy-field";
import { enrolByEmailAction } from "./actions";

export function AddByEmailForm({ cohortId }: { cohortId: string }) {
  const [state, action, pending] = useActionState(enrolByEmailAction, undefined);
  const err = state?.fieldErrors ?? {};
  const v = state?.values ?? {};
  const path = (state?.data as { path?: string } | undefined)?.path;
  return (
    <div className="space-y-4">
      <form action={action} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" noValidate>
        <input type="hidden" name="cohortId" value={cohortId} />
        <div>
          <label htmlFor="add-email" className="label">Email</label>
          <input id="add-email" name="email" type="email" autoComplete="off" defaultValue={v.email ?? ""} className="input"
            aria-invalid={Boolean(err.email)} aria-describedby={err.email ? "add-email-error" : undefined} />
          {err.email && <p id="add-email-error" className="field-error">{err.email}</p>}
        </div>
        <div>
          <label htmlFor="add-name" className="label">Name (for a new account)</label>
          <input id="add-name" name="name" autoComplete="off" defaultValue={v.name ?? ""} className="input"
            aria-invalid={Boolean(err.name)} aria-describedby={err.name ? "add-name-error" : undefined} />
          {err.name && <p id="add-name-error" className="field-error">{err.name}</p>}
        </div>
        <button type="submit" className="btn" disabled={pending}>{pending ? "Adding…" : "Add learner"}</button>
      </form>
      {state?.message && <p role="status" className={state.ok ? "text-brand-800" : "text-red-700"}>{state.message}</p>}
      {path && <CopyField id="added-set-password-link" value={path} label="Set-password link" />}
    </div>
  );
}
