"use client";

import { useActionState } from "react";
import { CopyLink } from "@/app/admin/_components/copy-link";
import { LocalTime } from "@/app/_components/local-time";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { inviteStaffMember } from "../actions";

export function InviteForm({ mailConfigured }: { mailConfigured: boolean }) {
  const [state, action] = useActionState(inviteStaffMember, undefined);
  const err = state?.fieldErrors ?? {};
  const v = state?.values ?? {};
  const invite = state?.ok ? state.data : undefined;
  return (
    <div>
      {/* a new key after each invite empties the form for the next one */}
      <form action={action} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto_auto] sm:items-start" noValidate key={invite?.url ?? "form"}>
        <TextField name="name" label="Name" defaultValue={v.name} autoComplete="off" error={err.name} />
        <TextField name="email" label="Email" type="email" defaultValue={v.email} autoComplete="off" error={err.email} />
        <SelectField name="role" label="Role" defaultValue={v.role ?? "instructor"} error={err.role}>
          <option value="instructor">Instructor</option>
          <option value="admin">Admin</option>
        </SelectField>
        <div className="sm:pt-6">
          <SubmitButton pendingLabel="Inviting…">Send invite</SubmitButton>
        </div>
      </form>
      {!invite && <FormMessage state={state} show="error" quietWithFieldErrors className="mt-2" />}
      {invite && (
        <div className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3" role="status">
          <p className="font-medium">{state?.message}</p>
          {invite.emailProblem && <p className="text-sm text-red-700">{invite.emailProblem}</p>}
          <CopyLink url={invite.url} label={`Invite link for ${invite.email} (shown only now)`} />
          <p className="mt-1 text-sm text-slate-700">
            {invite.emailed
              ? "The email contains the same link. "
              : mailConfigured
                ? ""
                : "Email is not configured, so send this link yourself. "}
            It works once, until <LocalTime value={invite.expiresAt} />.
          </p>
        </div>
      )}
    </div>
  );
}
