"use client";

import { useActionState } from "react";
import { TextField } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { addCoInstructorAction, archiveCohortAction } from "../../actions";

export function ArchiveForm({ cohortId, archived }: { cohortId: string; archived: boolean }) {
  const [state, action] = useActionState(archiveCohortAction, undefined);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="archived" value={archived ? "0" : "1"} />
      <SubmitButton variant={archived ? "primary" : "secondary"}>{archived ? "Unarchive cohort" : "Archive cohort"}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function AddCoInstructorForm({ cohortId }: { cohortId: string }) {
  const [state, action] = useActionState(addCoInstructorAction, undefined);
  const err = state?.fieldErrors ?? {};
  return (
    <form action={action} className="flex flex-wrap items-start gap-3" noValidate>
      <input type="hidden" name="cohortId" value={cohortId} />
      <TextField
        fieldClassName="min-w-64 flex-1"
        id="co-email"
        name="email"
        label="Instructor's email"
        type="email"
        defaultValue={state?.values?.email ?? ""}
        error={err.email}
      />
      <SubmitButton className="mt-6" pendingLabel="Adding…">
        Add co-instructor
      </SubmitButton>
      <FormMessage state={state} show="success" className="w-full" />
    </form>
  );
}
