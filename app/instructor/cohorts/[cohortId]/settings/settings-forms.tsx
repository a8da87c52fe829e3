"use client";

import { useActionState } from "react";
import { addCoInstructorAction, archiveCohortAction } from "../../actions";

export function ArchiveForm({ cohortId, archived }: { cohortId: string; archived: boolean }) {
  const [state, action, pending] = useActionState(archiveCohortAction, undefined);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="archived" value={archived ? "0" : "1"} />
      <button type="submit" className={archived ? "btn" : "btn-secondary"} disabled={pending}>
        {archived ? "Unarchive cohort" : "Archive cohort"}
      </button>
      {state?.message && <p role="status" className={state.ok ? "text-brand-800" : "text-red-700"}>{state.message}</p>}
    </form>
  );
}

export function AddCoInstructorForm({ cohortId }: { cohortId: string }) {
  const [state, action, pending] = useActionState(addCoInstructorAction, undefined);
  const err = state?.fieldErrors ?? {};
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="cohortId" value={cohortId} />
      <div className="min-w-64 flex-1">
        <label htmlFor="co-email" className="label">Instructor&apos;s email</label>
        <input id="co-email" name="email" type="email" className="input" defaultValue={state?.values?.email ?? ""}
          aria-invalid={Boolean(err.email)} aria-describedby={err.email ? "co-email-error" : undefined} />
        {err.email && <p id="co-email-error" className="field-error">{err.email}</p>}
      </div>
      <button type="submit" className="btn" disabled={pending}>{pending ? "Adding…" : "Add co-instructor"}</button>
      {state?.ok && <p role="status" className="w-full text-brand-800">{state.message}</p>}
    </form>
  );
}
