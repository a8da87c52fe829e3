"use client";

import { useActionState } from "react";
import { sendRemindersAction } from "@/app/instructor/cohorts/[cohortId]/reminder-actions";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { Table, Td, Tr, RowHeader } from "@/app/_components/ui/table";
import { cardClasses } from "@/app/_components/ui/card";
import { cx } from "@/app/_components/ui/cx";
import { formatDateTime } from "@/lib/platform/format";

export const REMINDER_FORM_ID = "reminder-form";

const reasons = {
  complete: "Skipped: already complete",
  inactive: "Skipped: account deactivated",
  recent: "Skipped: already reminded in the last 24 hours",
} as const;

/**
 * "Send a reminder now": the checkboxes in the learner table belong to this
 * form (their `form` attribute), so the table needs no wrapping form. The
 * preview is the text each learner gets (the date in their own time zone).
 */
export function ReminderPanel({
  cohortId,
  assignmentId,
  preview,
}: {
  cohortId: string;
  assignmentId: string;
  preview: { title: string; body: string };
}) {
  const [state, action] = useActionState(sendRemindersAction, undefined);
  const outcomes = state?.ok ? state.data?.outcomes : undefined;
  return (
    <section aria-labelledby="reminder-heading" className={cx(cardClasses, "mt-6 space-y-3")}>
      <h2 id="reminder-heading" className="text-lg font-semibold">
        Send a reminder now
      </h2>
      <div className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="reminder-preview">
        <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Preview of the message</p>
        <p className="mt-1 font-semibold">{preview.title}</p>
        <p className="mt-1 text-slate-800">{preview.body}</p>
      </div>
      <p className="text-sm text-slate-700">
        It shows under the learner&apos;s bell and is emailed (unless they turned these off). Each learner gets at most one reminder from
        you per day; anyone reminded in the last 24 hours is skipped, and so is anyone who finishes before it goes out.
      </p>
      <form id={REMINDER_FORM_ID} action={action} className="space-y-3">
        <input type="hidden" name="cohortId" value={cohortId} />
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium">Who gets it</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="who" value="selected" defaultChecked /> The learners ticked in the table
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="who" value="not_complete" /> Everyone not complete
          </label>
        </fieldset>
        <SubmitButton pendingLabel="Sending…">Send a reminder now</SubmitButton>
      </form>
      <FormMessage state={state} />
      {outcomes && outcomes.length > 0 && (
        <Table
          caption="Reminders just sent"
          columns={[
            { key: "name", label: "Learner" },
            { key: "result", label: "Result" },
          ]}
        >
          {outcomes.map((o) => (
            <Tr key={o.learnerId} data-testid="reminder-outcome">
              <RowHeader>{o.name}</RowHeader>
              <Td>
                {o.sent || !o.reason
                  ? "Sent"
                  : `${reasons[o.reason]}${o.reason === "recent" && o.lastSentAt ? ` (${formatDateTime(o.lastSentAt, { timeZone: undefined })})` : ""}`}
              </Td>
            </Tr>
          ))}
        </Table>
      )}
    </section>
  );
}
