"use client";

import { useActionState } from "react";
import { TextareaField, TextField } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { createCohortAsAdmin } from "../actions";

type Instructor = { id: string; name: string; email: string };

/** A new cohort and who teaches it (at least one active instructor). */
export function NewCohortForm({ instructors }: { instructors: Instructor[] }) {
  const [state, action] = useActionState(createCohortAsAdmin, undefined);
  const err = state?.fieldErrors ?? {};
  const v = state?.values ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <TextField
        name="name"
        label="Cohort name"
        defaultValue={v.name ?? ""}
        required
        maxLength={120}
        error={err.name}
        hint="For example “CRSS Spring 2026 — Tuesday group”."
      />
      <TextareaField
        name="description"
        label="Description (optional)"
        rows={3}
        defaultValue={v.description ?? ""}
        error={err.description}
      />
      <fieldset
        aria-describedby={err.instructorIds ? "instructorIds-error" : undefined}
        aria-invalid={err.instructorIds ? true : undefined}
      >
        <legend className="mb-1 text-sm font-medium text-slate-800">Instructors (at least one)</legend>
        <ul className="space-y-1">
          {instructors.map((i) => (
            <li key={i.id}>
              <label className="inline-flex items-center gap-2">
                <input type="checkbox" name="instructorIds" value={i.id} />
                <span>
                  {i.name} <span className="text-sm text-slate-600">({i.email})</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        {err.instructorIds && (
          <p id="instructorIds-error" className="mt-1 text-sm text-red-800">
            {err.instructorIds}
          </p>
        )}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Creating…">Create cohort</SubmitButton>
        <FormMessage state={state} show="error" quietWithFieldErrors />
      </div>
    </form>
  );
}
