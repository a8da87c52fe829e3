"use client";

import Link from "next/link";
import { useActionState } from "react";
import { setPassword } from "./actions";

export function SetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(setPassword, undefined);
  if (state?.ok) {
    return (
      <p role="status">
        Your password is set. <Link className="link" href="/signin">Sign in</Link> with{" "}
        {(state.data as { email: string }).email}.
      </p>
    );
  }
  const err = state?.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <div>
        <label htmlFor="password" className="label">New password</label>
        <input id="password" name="password" type="password" autoComplete="new-password" className="input"
          aria-invalid={Boolean(err.password)} aria-describedby={err.password ? "password-error" : undefined} />
        {err.password && <p id="password-error" className="field-error">{err.password}</p>}
      </div>
      <div>
        <label htmlFor="confirm" className="label">Type it again</label>
        <input id="confirm" name="confirm" type="password" autoComplete="new-password" className="input"
          aria-invalid={Boolean(err.confirm)} aria-describedby={err.confirm ? "confirm-error" : undefined} />
        {err.confirm && <p id="confirm-error" className="field-error">{err.confirm}</p>}
      </div>
      <button type="submit" className="btn w-full" disabled={pending}>{pending ? "Saving…" : "Set password"}</button>
    </form>
  );
}
