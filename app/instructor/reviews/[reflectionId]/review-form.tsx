"use client";

import { useActionState } from "react";
import { reviewReflectionAction } from "./actions";

export function ReviewForm({ reflectionId, version }: { reflectionId: string; version: number }) {
  const [state, action, pending] = useActionState(reviewReflectionAction, undefined);
  const err = state?.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="reflectionId" value={reflectionId} />
      <input type="hidden" name="version" value={version} />
      <div>
        <label htmlFor="feedback" className="label">Feedback for the learner</label>
        <textarea id="feedback" name="feedback" rows={6} className="input" defaultValue={state?.values?.feedback ?? ""} maxLength={5000}
          aria-invalid={Boolean(err.feedback)} aria-describedby={err.feedback ? "feedback-error" : "feedback-hint"} />
        {err.feedback ? <p id="feedback-error" className="field-error">{err.feedback}</p> : (
          <p id="feedback-hint" className="mt-1 text-sm text-slate-600">Required when you ask for a revision: say what to add or change.</p>
        )}
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="decision" value="accepted" className="btn" disabled={pending}>Accept</button>
        <button type="submit" name="decision" value="revision_requested" className="btn-secondary" disabled={pending}>Request a revision</button>
      </div>
      {state?.ok === false && state.message && !Object.keys(err).length && (
        <p role="status" className="rounded-md bg-red-50 p-3 text-sm text-red-800">{state.message}</p>
      )}
    </form>
  );
}
