"use client";

import { useActionState } from "react";
import { setPasswordLinkAction } from "@/app/instructor/cohorts/[cohortId]/enrol/actions";
import { CopyField } from "@/app/_components/copy-field";

/** For a learner without a password: make a fresh set-password link to copy and send. */
export function SetPasswordLinkButton({ cohortId, learnerId, name }: { cohortId: string; learnerId: string; name: string }) {
  const [state, action, pending] = useActionState(setPasswordLinkAction, undefined);
  const path = (state?.data as { path?: string } | undefined)?.path;
  return (
    <div>
      {path ? (
        <div className="mt-1 w-72 max-w-full">
          <CopyField id={`spl-${learnerId}`} value={path} label={`Set-password link for ${name}`} />
        </div>
      ) : (
        <form action={action} className="inline">
          <input type="hidden" name="cohortId" value={cohortId} />
          <input type="hidden" name="learnerId" value={learnerId} />
          <button type="submit" className="link text-xs" disabled={pending}>
            {pending ? "Making link…" : "Get set-password link"}<span className="sr-only"> for {name}</span>
          </button>
        </form>
      )}
      {state?.ok === false && <p role="status" className="text-red-700">{state.message}</p>}
    </div>
  );
}
