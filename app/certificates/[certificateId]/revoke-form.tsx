"use client";

import { useActionState } from "react";
import { revokeCertificateAction } from "./actions";

export function RevokeForm({ certificateId }: { certificateId: string }) {
  const [state, action, pending] = useActionState(revokeCertificateAction, undefined);
  const err = state?.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="certificateId" value={certificateId} />
      <div>
        <label htmlFor="reason" className="label">Reason for revoking (required)</label>
        <textarea
          id="reason"
          name="reason"
          rows={3}
          className="input"
          defaultValue={state?.values?.reason}
          aria-invalid={Boolean(err.reason)}
          aria-describedby={err.reason ? "reason-hint reason-error" : "reason-hint"}
        />
        <p id="reason-hint" className="mt-1 text-sm text-slate-600">
          The learner and staff see the reason, and it is kept in the audit log. The public verification page says only that the certificate was revoked, and when.
        </p>
        {err.reason && <p id="reason-error" className="field-error">{err.reason}</p>}
      </div>
      {state?.ok === false && !err.reason && <p role="status" className="text-sm text-red-700">{state.message}</p>}
      <button type="submit" className="btn-danger" disabled={pending}>{pending ? "Revoking…" : "Revoke certificate"}</button>
    </form>
  );
}
