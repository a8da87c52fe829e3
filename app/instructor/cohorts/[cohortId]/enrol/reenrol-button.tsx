"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { reenrolLearnerAction } from "./actions";

export function ReenrolButton({ cohortId, learnerId, name }: { cohortId: string; learnerId: string; name: string }) {
  const [state, action] = useActionState(reenrolLearnerAction, undefined);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="learnerId" value={learnerId} />
      <SubmitButton variant="secondary" size="sm">
        Add back<span className="sr-only"> {name}</span>
      </SubmitButton>
      <FormMessage state={state} className="ml-2 inline" />
    </form>
  );
}
