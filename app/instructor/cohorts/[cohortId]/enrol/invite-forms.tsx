"use client";

import { useActionState } from "react";
import { CopyField } from "@/app/_components/copy-field";
import { TextField } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { createInviteAction, revokeInviteAction } from "./actions";

export function CreateInviteForm({ cohortId }: { cohortId: string }) {
  const [state, action] = useActionState(createInviteAction, undefined);
  const err = state?.fieldErrors ?? {};
  const v = state?.values ?? {};
  const path = state?.data?.path;
  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-wrap items-start gap-3" noValidate>
        <input type="hidden" name="cohortId" value={cohortId} />
        <TextField
          id="invite-days"
          name="days"
          label="Valid for (days)"
          type="number"
          min={1}
          max={90}
          width="short"
          defaultValue={v.days ?? "14"}
          error={err.days}
        />
        <TextField
          id="invite-uses"
          name="maxUses"
          label="Can be used (times)"
          type="number"
          min={1}
          max={1000}
          width="short"
          defaultValue={v.maxUses ?? "30"}
          error={err.maxUses}
        />
        <SubmitButton className="mt-6" pendingLabel="Creating…">
          Create invite link
        </SubmitButton>
      </form>
      <FormMessage state={state} />
      {path && <CopyField id="new-invite-link" value={path} label="Invite link" />}
    </div>
  );
}

export function RevokeInviteButton({ cohortId, inviteId }: { cohortId: string; inviteId: string }) {
  const [state, action] = useActionState(revokeInviteAction, undefined);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="inviteId" value={inviteId} />
      <SubmitButton variant="secondary" size="sm">
        Withdraw
      </SubmitButton>
      <FormMessage state={state} show="error" className="ml-2 inline" />
    </form>
  );
}
