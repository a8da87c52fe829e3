"use client";

import { useActionState } from "react";
import { CopyLink } from "@/app/admin/_components/copy-link";
import { LocalTime } from "@/app/_components/local-time";
import { SelectField } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { changeRole, createSetPasswordLink, emailPasswordReset, revokeLink, signOutEverywhere } from "../actions";

export function RoleForm({ userId, role }: { userId: string; role: string }) {
  const [state, action] = useActionState(changeRole, undefined);
  return (
    // keyed by the saved role: after a change the select shows the new one
    <form action={action} key={role}>
      <input type="hidden" name="userId" value={userId} />
      <div className="flex flex-wrap items-start gap-2">
        <SelectField name="role" label="New role" defaultValue={state?.values?.role ?? role} error={state?.fieldErrors?.role} width="auto">
          <option value="learner">Learner</option>
          <option value="instructor">Instructor</option>
          <option value="admin">Admin</option>
        </SelectField>
        <SubmitButton className="mt-6">Change role</SubmitButton>
      </div>
      <FormMessage state={state} quietWithFieldErrors className="mt-2" />
    </form>
  );
}

export function SignOutEverywhereForm({ userId }: { userId: string }) {
  const [state, action] = useActionState(signOutEverywhere, undefined);
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton variant="secondary">Sign out everywhere</SubmitButton>
      <FormMessage state={state} className="mt-2" />
    </form>
  );
}

export function PasswordLinkForm({ userId }: { userId: string }) {
  const [state, action] = useActionState(createSetPasswordLink, undefined);
  const link = state?.ok ? state.data : undefined;
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton variant="secondary">Create a set-password link</SubmitButton>
      {link ? (
        <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3">
          <CopyLink url={link.url} label="Set-password link (shown only now)" />
          <p className="mt-1 text-sm text-slate-700">
            Works once, until <LocalTime value={link.expiresAt} />. Send it to them privately; earlier links no longer work.
          </p>
        </div>
      ) : (
        <FormMessage state={state} className="mt-2" />
      )}
    </form>
  );
}

/** For an account with a password: the reset link is emailed to its owner, never shown here. */
export function PasswordResetForm({ userId }: { userId: string }) {
  const [state, action] = useActionState(emailPasswordReset, undefined);
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton variant="secondary" disabled={state?.ok}>
        Email a password reset
      </SubmitButton>
      <FormMessage state={state} className="mt-2" />
    </form>
  );
}

export function RevokeLinkForm({ tokenId, userId, label }: { tokenId: string; userId?: string; label: string }) {
  const [state, action] = useActionState(revokeLink, undefined);
  return (
    <form action={action} className="inline-flex flex-col items-end">
      <input type="hidden" name="tokenId" value={tokenId} />
      {userId && <input type="hidden" name="userId" value={userId} />}
      <SubmitButton variant="danger-secondary" size="sm" disabled={state?.ok}>
        Revoke<span className="sr-only"> {label}</span>
      </SubmitButton>
      <FormMessage state={state} className="mt-2" />
    </form>
  );
}
