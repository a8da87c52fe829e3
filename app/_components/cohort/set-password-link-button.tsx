"use client";

import { useActionState } from "react";
import { setPasswordLinkAction } from "@/app/instructor/cohorts/[cohortId]/enrol/actions";
import { CopyField } from "@/app/_components/copy-field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";

/** For a learner without a password: make a fresh set-password link to copy and send. */
export function SetPasswordLinkButton({ cohortId, learnerId, name }: { cohortId: string; learnerId: string; name: string }) {
  const [state, action] = useActionState(setPasswordLinkAction, undefined);
  const path = state?.data?.path;
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
          <SubmitButton variant="link" className="text-xs" pendingLabel="Making link…">
            Get set-password link<span className="sr-only"> for {name}</span>
          </SubmitButton>
        </form>
      )}
      <FormMessage state={state} show="error" />
    </div>
  );
}
