"use client";

import { useActionState, useId } from "react";
import { Button } from "@/app/_components/ui/button";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { TextareaField } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { removeLearnerAction } from "../../enrol/actions";
import { resetAttemptsAction } from "./actions";

export function ResetAttemptsForm({ cohortId, progressId }: { cohortId: string; progressId: string }) {
  const [state, action] = useActionState(resetAttemptsAction, undefined);
  const err = state?.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="progressId" value={progressId} />
      <TextareaField
        id={`reason-${progressId}`}
        name="reason"
        label="Reason for the reset (kept in the record)"
        rows={2}
        defaultValue={state?.values?.reason ?? ""}
        error={err.reason}
        hint="The learner starts the quiz afresh. Old attempts stay in the history; a completion already recorded stays."
      />
      <SubmitButton variant="danger" pendingLabel="Resetting…">
        Reset quiz attempts
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function RemoveLearnerForm({ cohortId, learnerId, name }: { cohortId: string; learnerId: string; name: string }) {
  const [state, action, pending] = useActionState(removeLearnerAction, undefined);
  const formId = useId();
  if (state?.ok) return <FormMessage state={state} />;
  return (
    <form id={formId} action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="learnerId" value={learnerId} />
      <ConfirmDialog
        trigger={
          <Button variant="danger-secondary" pending={pending} pendingLabel="Removing…">
            Remove from cohort
          </Button>
        }
        title={`Remove ${name} from this cohort?`}
        description="They can no longer open this cohort's module, and they leave its reports. Their progress, quiz attempts, reflections and certificates are kept; add them back at any time to continue where they left off."
        confirmLabel="Remove from cohort"
        form={formId}
      />
      <FormMessage state={state} show="error" className="w-full" />
    </form>
  );
}
