"use client";

import { useActionState } from "react";
import { CopyLink } from "@/app/admin/_components/copy-link";
import { LocalTime } from "@/app/_components/local-time";
import type { ActionState } from "@/app/_edge/action";
import { changeRole, createSetPasswordLink, emailPasswordReset, revokeLink, signOutEverywhere } from "../actions";

function Result({ state }: { state: ActionState | undefined }) {
  if (!state?.message) return null;
  return (
    <p role="status" className={`mt-2 text-sm ${state.ok ? "text-green-800" : "text-red-700"}`}>
      {state.message}
    </p>
  );
}

export function RoleForm({ userId, role }: { userId: string; role: string }) {
  const [state, action, pending] = useActionState(changeRole, undefined);
  return (
    // keyed by the saved role: after a change the select shows the new one
    <form action={action} key={role}>
      <input type="hidden" name="userId" value={userId} />
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="role" className="label">New role</label>
          <select id="role" name="role" defaultValue={state?.values?.role ?? role} className="input"
            aria-invalid={Boolean(state?.fieldErrors?.role)} aria-describedby={state?.fieldErrors?.role ? "role-error" : undefined}>
            <option value="learner">Learner</option>
            <option value="instructor">Instructor</option>
            <option value="admin">Admin</option>
          </select>
        </div>
        <button type="submit" className="btn" disabled={pending}>Change role</button>
      </div>
      {state?.fieldErrors?.role && <p id="role-error" className="field-error">{state.fieldErrors.role}</p>}
      <Result state={state} />
    </form>
  );
}

export function SignOutEverywhereForm({ userId }: { userId: string }) {
  const [state, action, pending] = useActionState(signOutEverywhere, undefined);
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" className="btn-secondary" disabled={pending}>Sign out everywhere</button>
      <Result state={state} />
    </form>
  );
}

export function PasswordLinkForm({ userId }: { userId: string }) {
  const [state, action, pending] = useActionState(createSetPasswordLink, undefined);
  const link = state?.ok ? (state.data as { url: string; expiresAt: string }) : null;
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" className="btn-secondary" disabled={pending}>Create a set-password link</button>
      {link ? (
        <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3">
          <CopyLink url={link.url} label="Set-password link (shown only now)" />
          <p className="mt-1 text-sm text-slate-700">
            Works once, until <LocalTime value={link.expiresAt} />. Send it to them privately; earlier links no longer work.
          </p>
        </div>
      ) : (
        <Result state={state} />
      )}
    </form>
  );
}

/** For an account with a password: the reset link is emailed to its owner, never shown here. */
export function PasswordResetForm({ userId }: { userId: string }) {
  const [state, action, pending] = useActionState(emailPasswordReset, undefined);
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" className="btn-secondary" disabled={pending || state?.ok}>Email a password reset</button>
      <Result state={state} />
    </form>
  );
}

export function RevokeLinkForm({ tokenId, userId, label }: { tokenId: string; userId?: string; label: string }) {
  const [state, action, pending] = useActionState(revokeLink, undefined);
  return (
    <form action={action} className="inline-flex flex-col items-end">
      <input type="hidden" name="tokenId" value={tokenId} />
      {userId && <input type="hidden" name="userId" value={userId} />}
      <button type="submit" className="btn-danger px-3 py-1" disabled={pending || state?.ok}>
        Revoke<span className="sr-only"> {label}</span>
      </button>
      <Result state={state} />
    </form>
  );
}
