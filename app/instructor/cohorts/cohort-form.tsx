"use client";

import { useActionState } from "react";
import type { ActionState } from "@/app/_edge/action";
import { TextareaField, TextField } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";

type Action = (prev: ActionState | undefined, fd: FormData) => Promise<ActionState>;

/** Name and description of a cohort: the create page and the settings page share it. */
export function CohortForm({
  action,
  cohortId,
  defaults,
  submitLabel,
}: {
  action: Action;
  cohortId?: string;
  defaults?: { name: string; description: string };
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const err = state?.fieldErrors ?? {};
  const v = state?.values ?? {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {cohortId && <input type="hidden" name="cohortId" value={cohortId} />}
      <TextField
        name="name"
        label="Cohort name"
        defaultValue={v.name ?? defaults?.name ?? ""}
        required
        maxLength={120}
        error={err.name}
        hint="For example “CRSS Spring 2026 — Tuesday group”."
      />
      <TextareaField
        name="description"
        label="Description (optional)"
        rows={3}
        defaultValue={v.description ?? defaults?.description ?? ""}
        error={err.description}
      />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
