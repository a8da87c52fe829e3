"use client";

import { useActionState } from "react";
import { bulkLearnersAction } from "@/app/instructor/cohorts/[cohortId]/learner-actions";
import { LocalDateTimeField } from "@/app/_components/local-datetime-field";
import { TextField } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";

/** One learner's own due date for one assignment: set it, or clear it to return to the cohort's. */
export function ExtensionForm({
  cohortId,
  assignmentId,
  learnerId,
  current,
}: {
  cohortId: string;
  assignmentId: string;
  learnerId: string;
  /** the extension in force (ISO), if any */
  current: string | null;
}) {
  const [state, action] = useActionState(bulkLearnersAction, undefined);
  const err = state?.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" aria-label="Due date extension" data-testid="extension-form">
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="learnerId" value={learnerId} />
      <input type="hidden" name="scope" value="ids" />
      <div className="grid gap-3 sm:grid-cols-2">
        <LocalDateTimeField
          id={`dueAt-${assignmentId}`}
          name="dueAt"
          label={current ? "Extended due date" : "Give this learner their own due date"}
          defaultIso={current}
          error={err.dueAt}
          hint="Must be after the assignment opens."
        />
        <TextField
          id={`reason-${assignmentId}`}
          name="reason"
          label="Reason (optional)"
          hint="Kept in the audit log."
          error={err.reason}
          defaultValue={state?.values?.reason}
          maxLength={300}
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <SubmitButton name="op" value="extend" pendingLabel="Saving…">
          {current ? "Change extension" : "Extend due date"}
        </SubmitButton>
        {current && (
          <SubmitButton name="op" value="clear" variant="secondary" pendingLabel="Saving…">
            Clear extension
          </SubmitButton>
        )}
      </div>
      <FormMessage state={state} />
    </form>
  );
}
