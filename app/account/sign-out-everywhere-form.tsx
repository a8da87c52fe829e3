"use client";

import { useActionState } from "react";
import { signOutEverywhereAction } from "./actions";

export function SignOutEverywhereForm() {
  const [state, action, pending] = useActionState(signOutEverywhereAction, undefined);
  return (
    <form action={action}>
      <button type="submit" className="btn-secondary" disabled={pending}>
        {pending ? "Signing out…" : "Sign out everywhere"}
      </button>
      {state?.ok === false && <p role="status" className="field-error">{state.message}</p>}
    </form>
  );
}
