"use client";

import { useActionState } from "react";
import { CopyLink } from "@/app/admin/_components/copy-link";
import { LocalTime } from "@/app/_components/local-time";
import { inviteStaffMember } from "../actions";

type InviteResult = { url: string; expiresAt: string; emailed: boolean; emailProblem?: string; email: string };

export function InviteForm({ mailConfigured }: { mailConfigured: boolean }) {
  const [state, action, pending] = useActionState(inviteStaffMember, undefined);
  const err = state?.fieldErrors ?? {};
  const v = state?.values ?? {};
  const invite = state?.ok ? (state.data as InviteResult) : null;
  const field = (name: string) => ({
    id: name,
    name,
    "aria-invalid": Boolean(err[name]),
    "aria-describedby": err[name] ? `${name}-error` : undefined,
  });
  return (
    <div>
      {/* a new key after each invite empties the form for the next one */}
      <form action={action} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto_auto] sm:items-start" noValidate key={invite?.url ?? "form"}>
        <div>
          <label htmlFor="name" className="label">Name</label>
          <input {...field("name")} defaultValue={v.name} autoComplete="off" className="input" />
          {err.name && <p id="name-error" className="field-error">{err.name}</p>}
        </div>
        <div>
          <label htmlFor="email" className="label">Email</label>
          <input {...field("email")} type="email" defaultValue={v.email} autoComplete="off" className="input" />
          {err.email && <p id="email-error" className="field-error">{err.email}</p>}
        </div>
        <div>
          <label htmlFor="role" className="label">Role</label>
          <select {...field("role")} defaultValue={v.role ?? "instructor"} className="input">
            <option value="instructor">Instructor</option>
            <option value="admin">Admin</option>
          </select>
          {err.role && <p id="role-error" className="field-error">{err.role}</p>}
        </div>
        <div className="sm:pt-6">
          <button type="submit" className="btn" disabled={pending}>{pending ? "Inviting…" : "Send invite"}</button>
        </div>
      </form>
      {state?.ok === false && state.message && !Object.keys(err).length && (
        <p role="status" className="mt-2 text-sm text-red-700">{state.message}</p>
      )}
      {invite && (
        <div className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3" role="status">
          <p className="font-medium">{state?.message}</p>
          {invite.emailProblem && <p className="text-sm text-red-700">{invite.emailProblem}</p>}
          <CopyLink url={invite.url} label={`Invite link for ${invite.email} (shown only now)`} />
          <p className="mt-1 text-sm text-slate-700">
            {invite.emailed ? "The email contains the same link. " : mailConfigured ? "" : "Email is not configured, so send this link yourself. "}
            It works once, until <LocalTime value={invite.expiresAt} />.
          </p>
        </div>
      )}
    </div>
  );
}
