"use client";

import { useActionState } from "react";
import { CopyField } from "@/app/_components/copy-field";
import { TextField } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { enrolByEmailAction } from "./actions";

export function AddByEmailForm({ cohortId, enrol = enrolByEmailAction }: { cohortId: string; enrol?: typeof enrolByEmailAction }) {
  const [state, action] = useActionState(enrol, undefined);
  const err = state?.fieldErrors ?? {};
  const v = state?.values ?? {};
  const path = state?.data?.path;
  return (
    <div className="space-y-4">
      <form action={action} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start" noValidate>
        <input type="hidden" name="cohortId" value={cohortId} />
        <TextField
          id="add-email"
          name="email"
          label="Email"
          type="email"
          autoComplete="off"
          defaultValue={v.email ?? ""}
          error={err.email}
        />
        <TextField
          id="add-name"
          name="name"
          label="Name (for a new account)"
          autoComplete="off"
          defaultValue={v.name ?? ""}
          error={err.name}
        />
        <div className="sm:pt-6">
          <SubmitButton pendingLabel="Adding…">Add learner</SubmitButton>
        </div>
      </form>
      <FormMessage state={state} />
      {path && <CopyField id="added-set-password-link" value={path} label="Set-password link" />}
    </div>
  );
}
