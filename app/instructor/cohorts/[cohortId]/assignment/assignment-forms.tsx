"use client";

import { useActionState } from "react";
import { LocalDateTimeField } from "@/app/_components/local-datetime-field";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { showCorrectAnswersChoices, type ShowCorrectAnswers } from "@/lib/learning/quiz/review-policy";
import { assignModuleAction, updateDatesAction, updateQuizOptionsAction } from "./actions";
import { formatPercent } from "@/lib/platform/format";

/** The two quiz options, shared by the assign form and the options form of an assignment. */
function QuizOptionFields({
  showCorrectAnswers,
  requireAllSectionsRead,
  err,
  idPrefix = "",
}: {
  showCorrectAnswers?: string;
  requireAllSectionsRead?: string;
  err: Record<string, string | undefined>;
  /** keeps ids unique when several forms share a page */
  idPrefix?: string;
}) {
  return (
    <>
      <SelectField
        name="showCorrectAnswers"
        id={`${idPrefix}showCorrectAnswers`}
        label="Show correct answers"
        defaultValue={showCorrectAnswers ?? "after_pass_or_last_attempt"}
        error={err.showCorrectAnswers}
        hint="Until then, a result shows the score, the ideas missed and why each chosen answer was wrong."
      >
        {showCorrectAnswersChoices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </SelectField>
      <SelectField
        name="requireAllSectionsRead"
        id={`${idPrefix}requireAllSectionsRead`}
        label="Require reading every section before the quiz"
        defaultValue={requireAllSectionsRead ?? "yes"}
        error={err.requireAllSectionsRead}
      >
        <option value="yes">Yes: the quiz opens once every lesson section is read (recommended)</option>
        <option value="no">No: learners may take the quiz at any time</option>
      </SelectField>
    </>
  );
}

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
      <div className="flex items-start gap-3">
        <input
          id="reflectionsMustBeAccepted"
          type="checkbox"
          name="reflectionsMustBeAccepted"
          defaultChecked={v.reflectionsMustBeAccepted === undefined ? true : v.reflectionsMustBeAccepted === "on"}
          className="mt-1 h-4 w-4"
          aria-describedby="reflectionsMustBeAccepted-hint"
        />
        <div>
          <label htmlFor="reflectionsMustBeAccepted" className="text-sm font-medium text-slate-800">
            Reflections must be accepted
          </label>
          <p id="reflectionsMustBeAccepted-hint" className="text-sm text-slate-600">
            The assignment completes, and the certificate is issued, when an instructor has accepted every reflection. Untick to complete it
            as soon as the last reflection is submitted.
          </p>
        </div>
      </div>
      <QuizOptionFields showCorrectAnswers={v.showCorrectAnswers} requireAllSectionsRead={v.requireAllSectionsRead} err={err} />
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

export function QuizOptionsForm({
  cohortId,
  assignmentId,
  showCorrectAnswers,
  requireAllSectionsRead,
}: {
  cohortId: string;
  assignmentId: string;
  showCorrectAnswers: ShowCorrectAnswers;
  requireAllSectionsRead: boolean;
}) {
  const [state, action] = useActionState(updateQuizOptionsAction, undefined);
  const err = state?.fieldErrors ?? {};
  const v = state?.values ?? {};
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <QuizOptionFields
        showCorrectAnswers={v.showCorrectAnswers ?? showCorrectAnswers}
        requireAllSectionsRead={v.requireAllSectionsRead ?? (requireAllSectionsRead ? "yes" : "no")}
        err={err}
        idPrefix={`a-${assignmentId}-`}
      />
      <SubmitButton pendingLabel="Saving…">Save quiz options</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
