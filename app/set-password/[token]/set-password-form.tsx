"use client";

import Link from "next/link";
import { useActionState } from "react";
import { TextField } from "@/app/_components/ui/field";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { setPassword } from "./actions";

export function SetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(setPassword, undefined);
  if (state?.ok) {
    return (
      <p role="status">
        Your password is set.{" "}
        <Link className="link" href="/signin">
          Sign in
        </Link>{" "}
        with {state.data?.email}.
      </p>
    );
  }
  const err = state?.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <TextField name="password" label="New password" type="password" autoComplete="new-password" error={err.password} />
      <TextField name="confirm" label="Type it again" type="password" autoComplete="new-password" error={err.confirm} />
      <SubmitButton className="w-full" pendingLabel="Saving…">
        Set password
      </SubmitButton>
    </form>
  );
}
