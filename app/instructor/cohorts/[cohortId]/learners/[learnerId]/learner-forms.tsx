"use client";

import { useActionState, useState } from "react";
import { removeLearnerAction } from "../../enrol/actions";
import { resetAttemptsAction } from "./actions";

export function ResetAttemptsForm({ cohortId, progressId }: { cohortId: string; progressId: string }) {
  const [state, action, pending] = useActionState(resetAttemptsAction, undefined);
  const err = state?.fieldErrors ?? {};
  const id = `reason-${progressId}`;
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="progressId" value={progressId} />
      <div>
        <label htmlFor={id} className="label">Reason for the reset (kept in the record)</label>
        <textarea id={id} name="reason" rows={2} className="input" defaultValue={state?.values?.reason ?? ""}
          aria-invalid={Boolean(err.reason)} aria-describedby={err.reason ? `${id}-error` : `${id}-hint`} />
        {err.reason ? <p id={`${id}-error`} className="field-error">{err.reason}</p> : (
          <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
            The learner starts the quiz afresh. Old attempts stay in the history; a completion already recorded stays.
          </p>
        )}
      </div>
      <button type="submit" className="btn-danger" disabled={pending}>{pending ? "Resetting…" : "Reset quiz attempts"}</button>
      {state?.message && <p role="status" className={state.ok ? "text-brand-800" : "text-red-700"}>{state.message}</p>}
    </form>
  );
}

export function RemoveLearnerForm({ cohortId, learnerId, name }: { cohortId: string; learnerId: string; name: string }) {
  const [state, action, pending] = useActionState(removeLearnerAction, undefined);
  const [confirming, setConfirming] = useState(false);
  if (state?.ok) return <p role="status" className="text-brand-800">{state.message}</p>;
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="learnerId" value={learnerId} />
      {confirming ? (
        <>
          <span>Remove {name} from this cohort?</span>
          <button type="submit" className="btn-danger" disabled={pending}>Yes, remove</button>
          <button type="button" className="btn-secondary" onClick={() => setConfirming(false)}>Cancel</button>
        </>
      ) : (
        <button type="button" className="btn-secondary" onClick={() => setConfirming(true)}>Remove from cohort</button>
      )}
      {state?.ok === false && <p role="status" className="w-full text-red-700">{state.message}</p>}
    </form>
  );
}
