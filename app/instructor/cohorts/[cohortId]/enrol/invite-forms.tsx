"use client";

import { useActionState } from "react";
import { CopyField } from "@/app/_components/copy-field";
import { createInviteAction, revokeInviteAction } from "./actions";

export function CreateInviteForm({ cohortId }: { cohortId: string }) {
  const [state, action, pending] = useActionState(createInviteAction, undefined);
  const err = state?.fieldErrors ?? {};
  const v = state?.values ?? {};
  const path = (state?.data as { path?: string } | undefined)?.path;
  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
        <input type="hidden" name="cohortId" value={cohortId} />
        <div>
          <label htmlFor="invite-days" className="label">Valid for (days)</label>
          <input id="invite-days" name="days" type="number" min={1} max={90} defaultValue={v.days ?? "14"} className="input w-28"
            aria-invalid={Boolean(err.days)} aria-describedby={err.days ? "invite-days-error" : undefined} />
          {err.days && <p id="invite-days-error" className="field-error">{err.days}</p>}
        </div>
        <div>
          <label htmlFor="invite-uses" className="label">Can be used (times)</label>
          <input id="invite-uses" name="maxUses" type="number" min={1} max={1000} defaultValue={v.maxUses ?? "30"} className="input w-28"
            aria-invalid={Boolean(err.maxUses)} aria-describedby={err.maxUses ? "invite-uses-error" : undefined} />
          {err.maxUses && <p id="invite-uses-error" className="field-error">{err.maxUses}</p>}
        </div>
        <button type="submit" className="btn" disabled={pending}>{pending ? "Creating…" : "Create invite link"}</button>
      </form>
      {state?.message && <p role="status" className={state.ok ? "text-brand-800" : "text-red-700"}>{state.message}</p>}
      {path && <CopyField id="new-invite-link" value={path} label="Invite link" />}
    </div>
  );
}

export function RevokeInviteButton({ cohortId, inviteId }: { cohortId: string; inviteId: string }) {
  const [state, action, pending] = useActionState(revokeInviteAction, undefined);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="inviteId" value={inviteId} />
      <button type="submit" className="btn-secondary px-3 py-1" disabled={pending}>Withdraw</button>
      {state?.ok === false && <span role="status" className="ml-2 text-sm text-red-700">{state.message}</span>}
    </form>
  );
}
