"use client";

import { useActionState } from "react";
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
  const [state, action, pending] = useActionState(markSectionRead, undefined);
  return (
    <form action={action} className="flex flex-col items-stretch gap-2 sm:items-end">
      <input type="hidden" name="progressId" value={progressId} />
      <input type="hidden" name="sectionId" value={sectionId} />
      <input type="hidden" name="next" value={nextSectionId ? "section" : "quiz"} />
      {nextSectionId && <input type="hidden" name="nextSectionId" value={nextSectionId} />}
      <button type="submit" className="btn" disabled={pending}>
        {pending ? "Saving…" : label}
      </button>
      {state?.ok === false && state.message && (
        <p className="field-error" role="alert">
          {state.message}
        </p>
      )}
    </form>
  );
}
