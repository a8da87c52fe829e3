"use client";

import { useActionState } from "react";
import { reenrolLearnerAction } from "./actions";

export function ReenrolButton({ cohortId, learnerId, name }: { cohortId: string; learnerId: string; name: string }) {
  const [state, action, pending] = useActionState(reenrolLearnerAction, undefined);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="learnerId" value={learnerId} />
      <button type="submit" className="btn-secondary px-3 py-1" disabled={pending}>
        Add back<span className="sr-only"> {name}</span>
      </button>
      {state?.message && <span role="status" className={`ml-2 text-sm ${state.ok ? "text-brand-800" : "text-red-700"}`}>{state.message}</span>}
    </form>
  );
}
