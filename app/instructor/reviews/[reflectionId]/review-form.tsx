"use client";

import { useActionState } from "react";
import { TextareaField } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { reviewReflectionAction } from "./actions";

export function ReviewForm({ reflectionId, version }: { reflectionId: string; version: number }) {
  const [state, action] = useActionState(reviewReflectionAction, undefined);
  const err = state?.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="reflectionId" value={reflectionId} />
      <input type="hidden" name="version" value={version} />
      <TextareaField
        name="feedback"
        label="Feedback for the learner"
        rows={6}
        maxLength={5000}
        defaultValue={state?.values?.feedback ?? ""}
        error={err.feedback}
        hint="Required when you ask for a revision: say what to add or change."
      />
      <div className="flex flex-wrap gap-3">
        <SubmitButton name="decision" value="accepted">
          Accept
        </SubmitButton>
        <SubmitButton name="decision" value="revision_requested" variant="secondary">
          Request a revision
        </SubmitButton>
      </div>
      <FormMessage state={state} show="error" quietWithFieldErrors className="rounded-md bg-red-50 p-3" />
    </form>
  );
}
