"use client";

import { useActionState } from "react";
import { SelectField } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { setTimeZoneAction } from "./actions";

/** Choose the zone for reminders and due dates; the first option falls back to the organization's. */
export function TimeZoneForm({ current, orgZone, choices }: { current: string | null; orgZone: string; choices: string[] }) {
  const [state, action] = useActionState(setTimeZoneAction, undefined);
  const chosen = state?.values?.timeZone ?? current ?? "";
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" key={chosen}>
      <SelectField
        name="timeZone"
        id="timeZone"
        label="Time zone"
        defaultValue={chosen}
        error={state?.fieldErrors?.timeZone}
        fieldClassName="min-w-64"
      >
        <option value="">The organization&apos;s ({orgZone.replaceAll("_", " ")})</option>
        {choices.map((z) => (
          <option key={z} value={z}>
            {z.replaceAll("_", " ")}
          </option>
        ))}
      </SelectField>
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save time zone
      </SubmitButton>
      <FormMessage state={state} className="w-full" />
    </form>
  );
}
