"use client";

import { useActionState } from "react";
import { TextField } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { changeOwnPassword } from "./actions";

export function ChangePasswordForm() {
  const [state, action] = useActionState(changeOwnPassword, undefined);
  const err = state?.fieldErrors ?? {};
  return (
    // the key resets the fields after a successful change
    <form key={state?.ok ? "done" : "form"} action={action} className="space-y-4" noValidate>
      <TextField
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={err.currentPassword}
      />
      <TextField
        name="newPassword"
        label="New password (at least 8 characters)"
        type="password"
        autoComplete="new-password"
        error={err.newPassword}
      />
      <TextField name="confirm" label="Type the new password again" type="password" autoComplete="new-password" error={err.confirm} />
      <FormMessage state={state} show="success" className="rounded-md bg-green-50 p-3" />
      <SubmitButton pendingLabel="Saving…">Change password</SubmitButton>
    </form>
  );
}
