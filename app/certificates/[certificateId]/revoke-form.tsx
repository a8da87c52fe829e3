"use client";

import { useActionState } from "react";
import { TextareaField } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { revokeCertificateAction } from "./actions";

export function RevokeForm({ certificateId }: { certificateId: string }) {
  const [state, action] = useActionState(revokeCertificateAction, undefined);
  const err = state?.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="certificateId" value={certificateId} />
      <TextareaField
        name="reason"
        label="Reason for revoking (required)"
        rows={3}
        defaultValue={state?.values?.reason}
        error={err.reason}
        hint="The learner and staff see the reason, and it is kept in the audit log. The public verification page says only that the certificate was revoked, and when."
      />
      {!err.reason && <FormMessage state={state} show="error" />}
      <SubmitButton variant="danger" pendingLabel="Revoking…">
        Revoke certificate
      </SubmitButton>
    </form>
  );
}
