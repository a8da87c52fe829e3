"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { eraseLearnerData, type ErasureSummary } from "./actions";

/**
 * The confirm step and its outcome. `children` explains what will happen; it
 * is replaced by the summary once done (the page re-renders as "already
 * erased" after the action, so the summary lives here).
 */
export function EraseForm({ userId, email, alreadyErased, children }: { userId: string; email: string; alreadyErased: boolean; children: React.ReactNode }) {
  const [state, action, pending] = useActionState(eraseLearnerData, undefined);
  const [choice, setChoice] = useState<string>(state?.values?.certificates ?? "revoke");
  if (state?.ok) {
    const s = state.data as ErasureSummary;
    return (
      <div role="status" className="rounded-md bg-green-50 p-4 text-green-950">
        <p className="font-semibold">Personal data erased.</p>
        <ul className="mt-2 list-disc pl-5 text-sm">
          <li>{s.reflections} reflections and {s.reflectionReviews} reviews of them deleted</li>
          <li>{s.quizAttempts} quiz attempts ({s.quizResponses} answers) deleted</li>
          <li>
            {s.certificatesAffected} {s.certificatesAffected === 1 ? "certificate" : "certificates"}{" "}
            {s.certificates === "remove" ? "removed" : "revoked"}
          </li>
          <li>{s.enrolmentsEnded} enrolments ended; the account is anonymised and deactivated</li>
        </ul>
        <p className="mt-3"><Link className="link" href="/admin/users">Back to people</Link></p>
      </div>
    );
  }
  if (alreadyErased) return <p>This learner&apos;s personal data has already been erased.</p>;
  const err = state?.fieldErrors ?? {};
  const v = state?.values ?? {};
  return (
    <>
      {children}
      <form action={action} className="mt-6 space-y-5" noValidate>
        <input type="hidden" name="userId" value={userId} />
        <fieldset>
          <legend className="label">Their certificates</legend>
          <div className="space-y-2 text-sm">
            <label className="flex items-start gap-2">
              <input type="radio" name="certificates" value="revoke" checked={choice === "revoke"} onChange={() => setChoice("revoke")} className="mt-1" />
              <span>
                <strong>Keep them, revoked.</strong> Each certificate stays on record (with the learner&apos;s name as printed) and
                shows as revoked with your reason, so a certification board checking its code sees it is no longer valid.
              </span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="certificates" value="remove" checked={choice === "remove"} onChange={() => setChoice("remove")} className="mt-1" />
              <span>
                <strong>Remove them.</strong> The certificates are deleted; their codes no longer verify.
              </span>
            </label>
          </div>
          {err.certificates && <p className="field-error">{err.certificates}</p>}
        </fieldset>
        {choice === "revoke" && (
          <div>
            <label htmlFor="reason" className="label">Reason shown on the revoked certificates</label>
            <input id="reason" name="reason" className="input" defaultValue={v.reason ?? "Personal data erased at the learner's request"}
              aria-invalid={Boolean(err.reason)} aria-describedby={err.reason ? "reason-error" : "reason-hint"} />
            <p id="reason-hint" className="mt-1 text-sm text-slate-700">Do not include the person&apos;s name.</p>
            {err.reason && <p id="reason-error" className="field-error">{err.reason}</p>}
          </div>
        )}
        <div>
          <label htmlFor="confirmEmail" className="label">To confirm, type their email address: {email}</label>
          <input id="confirmEmail" name="confirmEmail" className="input" autoComplete="off" defaultValue={v.confirmEmail}
            aria-invalid={Boolean(err.confirmEmail)} aria-describedby={err.confirmEmail ? "confirmEmail-error" : undefined} />
          {err.confirmEmail && <p id="confirmEmail-error" className="field-error">{err.confirmEmail}</p>}
        </div>
        {state?.ok === false && !Object.keys(err).length && <p role="status" className="field-error">{state.message}</p>}
        <button type="submit" className="btn-danger" disabled={pending}>{pending ? "Erasing…" : "Erase personal data"}</button>
      </form>
    </>
  );
}
