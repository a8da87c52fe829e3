"use client";

import Link from "next/link";
import { useActionState } from "react";
import { CopyField } from "@/app/_components/copy-field";
import { LocalTime } from "@/app/_components/local-time";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { createLearnerAction, enrolExistingLearnerAction, updatePersonDetailsAction } from "./people-actions";

type Choice = { id: string; name: string };

/** "Add a learner": name, email, and a cohort to enroll them in (optional). */
export function NewLearnerForm({ cohorts, cohortId }: { cohorts: Choice[]; cohortId?: string }) {
  const [state, action] = useActionState(createLearnerAction, undefined);
  const err = state?.fieldErrors ?? {};
  const v = state?.values ?? {};
  const made = state?.ok ? state.data : undefined;
  return (
    <div className="space-y-4">
      {/* a new key after each account empties the form for the next one */}
      <form action={action} className="grid max-w-2xl gap-3" noValidate key={made?.path ?? "form"}>
        <TextField name="name" label="Name" autoComplete="off" defaultValue={v.name ?? ""} error={err.name} />
        <TextField name="email" label="Email" type="email" autoComplete="off" defaultValue={v.email ?? ""} error={err.email} />
        <SelectField name="cohortId" label="Enroll in a cohort (optional)" defaultValue={v.cohortId ?? cohortId ?? ""} error={err.cohortId}>
          <option value="">No cohort for now</option>
          {cohorts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <div>
          <SubmitButton pendingLabel="Creating…">Create learner</SubmitButton>
        </div>
      </form>
      <FormMessage state={state} quietWithFieldErrors />
      {made && (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3">
          <CopyField id="new-learner-link" value={made.path} label="Set-password link (shown only now)" />
          <p className="text-sm text-slate-700">
            It works once, until <LocalTime value={made.expiresAt} />.{" "}
            <Link className="link" href={`/admin/users/${made.userId}`}>
              Open their page
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}

/** Correct a person's name and email (audited; the person is told). */
export function PersonDetailsForm({ userId, name, email }: { userId: string; name: string; email: string }) {
  const [state, action] = useActionState(updatePersonDetailsAction, undefined);
  const err = state?.fieldErrors ?? {};
  const v = state?.values ?? {};
  return (
    <form action={action} className="space-y-3" noValidate key={`${name}|${email}`}>
      <input type="hidden" name="userId" value={userId} />
      <TextField name="name" label="Name" autoComplete="off" defaultValue={v.name ?? name} error={err.name} />
      <TextField
        name="email"
        label="Email (they sign in with it)"
        type="email"
        autoComplete="off"
        defaultValue={v.email ?? email}
        error={err.email}
      />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Saving…">Save name and email</SubmitButton>
        <FormMessage state={state} quietWithFieldErrors />
      </div>
    </form>
  );
}

/** Enrol a learner in a cohort they are not in. */
export function EnrolLearnerForm({ userId, cohorts }: { userId: string; cohorts: Choice[] }) {
  const [state, action] = useActionState(enrolExistingLearnerAction, undefined);
  if (cohorts.length === 0) return <p className="text-sm text-slate-700">They are in every open cohort.</p>;
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="userId" value={userId} />
      <SelectField name="cohortId" label="Cohort" defaultValue="" error={state?.fieldErrors?.cohortId}>
        <option value="">Choose a cohort</option>
        {cohorts.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Enrolling…">Enroll</SubmitButton>
        <FormMessage state={state} quietWithFieldErrors />
      </div>
    </form>
  );
}
