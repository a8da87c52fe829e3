"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { markSectionRead } from "./actions";

export function MarkReadForm({
  progressId,
  sectionId,
  nextSectionId,
  label,
}: {
  progressId: string;
  sectionId: string;
  nextSectionId: string | null;
  label: string;
}) {
  const [state, action] = useActionState(markSectionRead, undefined);
  return (
    <form action={action} className="flex flex-col items-stretch gap-2 sm:items-end">
      <input type="hidden" name="progressId" value={progressId} />
      <input type="hidden" name="sectionId" value={sectionId} />
      <input type="hidden" name="next" value={nextSectionId ? "section" : "quiz"} />
      {nextSectionId && <input type="hidden" name="nextSectionId" value={nextSectionId} />}
      <SubmitButton pendingLabel="Saving…">{label}</SubmitButton>
      <FormMessage state={state} show="error" />
    </form>
  );
}
