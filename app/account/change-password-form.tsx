"use client";

import { useActionState } from "react";
import { changeOwnPassword } from "./actions";

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changeOwnPassword, undefined);
  const err = state?.fieldErrors ?? {};
  const field = (name: "currentPassword" | "newPassword" | "confirm", label: string, autoComplete: string) => (
    <div>
      <label htmlFor={name} className="label">{label}</label>
      <input
        id={name}
        name={name}
        type="password"
        autoComplete={autoComplete}
        className="input"
        aria-invalid={Boolean(err[name])}
        aria-describedby={err[name] ? `${name}-error` : undefined}
      />
      {err[name] && <p id={`${name}-error`} className="field-error">{err[name]}</p>}
    </div>
  );
  return (
    // the key resets the fields after a successful change
    <form key={state?.ok ? "done" : "form"} action={action} className="space-y-4" noValidate>
      {field("currentPassword", "Current password", "current-password")}
      {field("newPassword", "New password (at least 8 characters)", "new-password")}
      {field("confirm", "Type the new password again", "new-password")}
      {state?.ok && <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">{state.message}</p>}
      <button type="submit" className="btn" disabled={pending}>{pending ? "Saving…" : "Change password"}</button>
    </form>
  );
}
