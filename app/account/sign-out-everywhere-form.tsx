"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { signOutEverywhereAction } from "./actions";

export function SignOutEverywhereForm() {
  const [state, action] = useActionState(signOutEverywhereAction, undefined);
  return (
    <form action={action}>
      <SubmitButton variant="secondary" pendingLabel="Signing out…">
        Sign out everywhere
      </SubmitButton>
      <FormMessage state={state} show="error" className="mt-1" />
    </form>
  );
}
