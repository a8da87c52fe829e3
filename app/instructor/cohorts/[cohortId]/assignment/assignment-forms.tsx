"use client";

import { useActionState } from "react";
import { LocalDateTimeField } from "@/app/_components/local-datetime-field";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { assignModuleAction, updateDatesAction } from "./actions";
import { formatPercent } from "@/lib/platform/format";

export function AssignForm({
  cohortId,
  modules,
  defaults,
}: {
  cohortId: string;
  modules: { id: string; title: string; passMark: number }[];
  /** opens today, due in 14 days (ISO instants, from the organization's calendar) */
  defaults: { opensAt: string; dueAt: string };
}) {
  const [state, action] = useActionState(assignModuleAction, undefined);
  const err = state?.fieldErrors ?? {};
  const v = state?.values ?? {};
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <input type="hidden" name="cohortId" value={cohortId} />
      <SelectField name="moduleId" label="Module" defaultValue={v.moduleId ?? modules[0]?.id} error={err.moduleId}>
        {modules.map((m) => (
          <option key={m.id} value={m.id}>
            {m.title}
          </option>
        ))}
      </SelectField>
      <LocalDateTimeField
        name="opensAt"
        label="Opens"
        defaultIso={v.opensAt || defaults.opensAt}
        error={err.opensAt}
        hint="Learners can start from then."
      />
      <LocalDateTimeField
        name="dueAt"
        label="Due"
        defaultIso={v.dueAt || defaults.dueAt}
        error={err.dueAt}
        hint="Must be after the open date."
      />
      <TextField
        name="passMarkOverride"
        label="Pass mark (optional, %)"
        type="number"
        min={1}
        max={100}
        inputMode="numeric"
        width="short"
        defaultValue={v.passMarkOverride ?? ""}
        error={err.passMarkOverride}
        hint={`Leave empty for the module's pass mark (${formatPercent(modules[0]?.passMark ?? 80)}).`}
      />
      <TextField
        name="maxAttempts"
        label="Attempts limit (optional)"
        type="number"
        min={1}
        max={100}
        inputMode="numeric"
        width="short"
        defaultValue={v.maxAttempts ?? ""}
        error={err.maxAttempts}
        hint="Leave empty for unlimited attempts."
      />
      <SubmitButton pendingLabel="Assigning…">Assign module</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function DatesForm({
  cohortId,
  assignmentId,
  opensAt,
  dueAt,
}: {
  cohortId: string;
  assignmentId: string;
  opensAt: string;
  dueAt: string;
}) {
  const [state, action] = useActionState(updateDatesAction, undefined);
  const err = state?.fieldErrors ?? {};
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <LocalDateTimeField name="opensAt" label="Opens" defaultIso={opensAt} error={err.opensAt} />
      <LocalDateTimeField name="dueAt" label="Due" defaultIso={dueAt} error={err.dueAt} hint="Must be after the open date." />
      <SubmitButton pendingLabel="Saving…">Save dates</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
