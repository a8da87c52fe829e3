"use client";

import { useActionState, useState } from "react";
import { TextareaField } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import type { ReflectionRubric } from "@/lib/learning/module/content-schema";
import { rubricMax, rubricShortfall, rubricTotal, type RubricScores } from "@/lib/learning/reflections/rubric";
import { reviewReflectionAction } from "./actions";

export function ReviewForm({
  reflectionId,
  version,
  rubric,
  filter = {},
}: {
  reflectionId: string;
  version: number;
  rubric: ReflectionRubric | null;
  /** the queue's filter, kept for "review next" */
  filter?: { cohortId?: string; learnerId?: string };
}) {
  const [state, action] = useActionState(reviewReflectionAction, undefined);
  const err = state?.fieldErrors ?? {};
  const [scores, setScores] = useState<RubricScores>(() => {
    const kept: RubricScores = {};
    for (const c of rubric?.criteria ?? []) {
      const v = state?.values?.[`score.${c.id}`];
      if (v !== undefined && v !== "") kept[c.id] = Number(v);
    }
    return kept;
  });
  const shortfall = rubric ? rubricShortfall(rubric, scores) : [];
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="reflectionId" value={reflectionId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="cohort" value={filter.cohortId ?? ""} />
      <input type="hidden" name="learner" value={filter.learnerId ?? ""} />
      {rubric && (
        <fieldset className="space-y-3" aria-describedby="rubric-total">
          <legend className="font-semibold">Rubric</legend>
          {rubric.criteria.map((c) => (
            <fieldset key={c.id} className="rounded-md border border-slate-300 p-3" data-testid={`criterion-${c.id}`}>
              <legend className="px-1 text-sm font-semibold">
                {c.label}
                {rubric.noZeroIn.includes(c.id) && <span className="font-normal text-slate-700"> (a 0 here cannot be accepted)</span>}
              </legend>
              <div className="space-y-1">
                {c.levels.map((level, score) => (
                  <label key={score} className="flex items-start gap-2 text-sm">
                    <input
                      type="radio"
                      name={`score.${c.id}`}
                      value={score}
                      checked={scores[c.id] === score}
                      onChange={() => setScores((s) => ({ ...s, [c.id]: score }))}
                      className="mt-1 h-4 w-4"
                    />
                    <span>
                      <span className="font-semibold">{score}</span> — {level}
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
          <p id="rubric-total" className="text-sm" role="status" data-testid="rubric-total">
            <span className="font-semibold">
              Total {rubricTotal(rubric, scores)} of {rubricMax(rubric)}
            </span>{" "}
            (accepted at {rubric.acceptAt}). {shortfall.length === 0 ? "It meets the rubric: you can accept it." : shortfall.join(" ")}
          </p>
          {err.scores && <p className="text-sm font-medium text-red-700">{err.scores}</p>}
        </fieldset>
      )}
      <TextareaField
        name="feedback"
        label="Feedback for the learner"
        rows={6}
        maxLength={5000}
        defaultValue={state?.values?.feedback ?? ""}
        error={err.feedback}
        hint="Required when you ask for a revision: say what to add or change."
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="next" value="1" defaultChecked={state?.values ? state.values.next === "1" : true} />
        Then open the next reflection waiting{filter.cohortId || filter.learnerId ? " in this filter" : ""}
      </label>
      <div className="flex flex-wrap gap-3">
        <SubmitButton name="decision" value="accepted" disabled={shortfall.length > 0}>
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
