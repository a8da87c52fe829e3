"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { TextField } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { eraseLearnerData } from "./actions";

/**
 * The confirm step and its outcome. `children` explains what will happen; it
 * is replaced by the summary once done (the page re-renders as "already
 * erased" after the action, so the summary lives here).
 */
export function EraseForm({
  userId,
  email,
  alreadyErased,
  children,
}: {
  userId: string;
  email: string;
  alreadyErased: boolean;
  children: React.ReactNode;
}) {
  const [state, action] = useActionState(eraseLearnerData, undefined);
  const [choice, setChoice] = useState<string>(state?.values?.certificates ?? "revoke");
  const s = state?.ok ? state.data : undefined;
  if (s) {
    return (
      <div role="status" className="rounded-md bg-green-50 p-4 text-green-950">
        <p className="font-semibold">Personal data erased.</p>
        <ul className="mt-2 list-disc pl-5 text-sm">
          <li>
            {s.reflections} reflections and {s.reflectionReviews} reviews of them deleted
          </li>
          <li>
            {s.quizAttempts} quiz attempts ({s.quizResponses} answers) deleted
          </li>
          <li>
            {s.certificatesAffected} {s.certificatesAffected === 1 ? "certificate" : "certificates"}{" "}
            {s.certificates === "remove" ? "removed" : "revoked"}
          </li>
          <li>{s.enrolmentsEnded} enrollments ended; the account is anonymized and deactivated</li>
        </ul>
        <p className="mt-3">
          <Link className="link" href="/admin/users">
            Back to people
          </Link>
        </p>
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
          <legend className="mb-1 block text-sm font-medium text-slate-800">Their certificates</legend>
          <div className="space-y-2 text-sm">
            <label className="flex items-start gap-2">
              <input
                type="radio"
                name="certificates"
                value="revoke"
                checked={choice === "revoke"}
                onChange={() => setChoice("revoke")}
                className="mt-1"
              />
              <span>
                <strong>Keep them, revoked.</strong> Each certificate stays on record (with the learner&apos;s name as printed) and shows as
                revoked with your reason, so a certification board checking its code sees it is no longer valid.
              </span>
            </label>
            <label className="flex items-start gap-2">
              <input
                type="radio"
                name="certificates"
                value="remove"
                checked={choice === "remove"}
                onChange={() => setChoice("remove")}
                className="mt-1"
              />
              <span>
                <strong>Remove them.</strong> The certificates are deleted; their codes no longer verify.
              </span>
            </label>
          </div>
          {err.certificates && <p className="mt-1 text-sm font-medium text-red-700">{err.certificates}</p>}
        </fieldset>
        {choice === "revoke" && (
          <TextField
            name="reason"
            label="Reason shown on the revoked certificates"
            hint="Do not include the person's name."
            defaultValue={v.reason ?? "Personal data erased at the learner's request"}
            error={err.reason}
          />
        )}
        <TextField
          name="confirmEmail"
          label={`To confirm, type their email address: ${email}`}
          autoComplete="off"
          defaultValue={v.confirmEmail}
          error={err.confirmEmail}
        />
        <FormMessage state={state} quietWithFieldErrors />
        <SubmitButton variant="danger" pendingLabel="Erasing…">
          Erase personal data
        </SubmitButton>
      </form>
    </>
  );
}
