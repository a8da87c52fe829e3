"use client";

import { useActionState, useRef, useState } from "react";
import { bulkLearnersAction } from "@/app/instructor/cohorts/[cohortId]/learner-actions";
import { LocalDateTimeField } from "@/app/_components/local-datetime-field";
import { Button } from "@/app/_components/ui/button";
import { cardClasses } from "@/app/_components/ui/card";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { cx } from "@/app/_components/ui/cx";
import { TextField } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { RowHeader, Table, Td, Tr } from "@/app/_components/ui/table";
import { useRowSelection } from "@/app/_components/ui/use-row-selection";

/** The form the row checkboxes belong to (their `form` attribute), so the table needs no wrapping form. */
export const BULK_FORM_ID = "learner-bulk-form";

/**
 * The learner table's bulk actions: select on this page or everything
 * matching the filter (sent as the filter, resolved on the server), then
 * remind, give a new due date, or remove (confirmed first). Wraps on a
 * phone; results come back one row per learner.
 */
export function LearnerBulkBar({
  cohortId,
  cohortName,
  assignmentId,
  filter,
  total,
  reminder,
}: {
  cohortId: string;
  cohortName: string;
  assignmentId: string | null;
  /** the table's current filter: "select all matching" sends it */
  filter: { status?: string; q?: string };
  /** learners matching the filter, on every page */
  total: number;
  /** the reminder's text, when the viewer may send one */
  reminder: { title: string; body: string } | null;
}) {
  const [state, action] = useActionState(bulkLearnersAction, undefined);
  const { checked, onPage, matching, allOnPage, selectAllMatching, tickAll, remember } = useRowSelection(BULK_FORM_ID, state);
  const [panel, setPanel] = useState<"none" | "extend">("none");
  const removeRef = useRef<HTMLButtonElement>(null);

  const count = matching ? total : checked;
  const who = `${count} ${count === 1 ? "learner" : "learners"}`;
  const result = state?.ok ? state.data : undefined;
  const err = state?.fieldErrors ?? {};

  return (
    <section aria-labelledby="bulk-heading" className={cx(cardClasses, "mt-3 space-y-3")} data-testid="bulk-bar">
      <h2 id="bulk-heading" className="sr-only">
        Act on selected learners
      </h2>
      <form id={BULK_FORM_ID} action={action} onSubmit={remember} className="space-y-3">
        <input type="hidden" name="cohortId" value={cohortId} />
        <input type="hidden" name="assignmentId" value={assignmentId ?? ""} />
        <input type="hidden" name="scope" value={matching ? "matching" : "ids"} />
        <input type="hidden" name="status" value={filter.status ?? ""} />
        <input type="hidden" name="q" value={filter.q ?? ""} />
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <label className="flex items-center gap-2 font-medium">
            <input type="checkbox" checked={allOnPage} onChange={(e) => tickAll(e.target.checked)} disabled={onPage === 0} />
            Select all on this page
          </label>
          <span role="status" data-testid="selected-count">
            {matching ? `All ${who} matching this filter are selected` : `${who} selected`}
          </span>
          {!matching && allOnPage && total > onPage && (
            <Button variant="link" onClick={selectAllMatching}>
              Select all {total} matching
            </Button>
          )}
          {(matching || checked > 0) && (
            <Button variant="link" onClick={() => tickAll(false)}>
              Clear selection
            </Button>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          {reminder && assignmentId && (
            <SubmitButton name="op" value="remind" variant="secondary" disabled={count === 0} pendingLabel="Working…">
              Send a reminder now
            </SubmitButton>
          )}
          {assignmentId && (
            <Button variant="secondary" aria-expanded={panel === "extend"} onClick={() => setPanel(panel === "extend" ? "none" : "extend")}>
              Extend due date…
            </Button>
          )}
          <ConfirmDialog
            trigger={
              <Button variant="danger-secondary" disabled={count === 0}>
                Remove from cohort
              </Button>
            }
            title={`Remove ${who} from ${cohortName}?`}
            description={
              <>
                They can no longer open this cohort&apos;s assignments, and they leave this table and its reports. Their progress, quiz
                attempts, reflections and certificates are kept: add them back from the Enroll learners page and everything returns.
              </>
            }
            confirmLabel={`Remove ${who}`}
            onConfirm={() => removeRef.current?.form?.requestSubmit(removeRef.current)}
          />
          <button ref={removeRef} type="submit" name="op" value="remove" hidden tabIndex={-1} aria-hidden="true" />
        </div>
        {panel === "extend" && assignmentId && (
          <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
            <legend className="px-1 text-sm font-semibold">New due date for {who}</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              <LocalDateTimeField name="dueAt" label="New due date" error={err.dueAt} hint="Must be after the assignment opens." />
              <TextField
                name="reason"
                label="Reason (optional)"
                hint="Kept in the audit log."
                error={err.reason}
                maxLength={300}
                defaultValue={state?.ok ? undefined : state?.values?.reason}
              />
            </div>
            <div className="flex flex-wrap gap-2">
              <SubmitButton name="op" value="extend" disabled={count === 0} pendingLabel="Saving…">
                Set due date
              </SubmitButton>
              <SubmitButton name="op" value="clear" variant="secondary" disabled={count === 0} pendingLabel="Saving…">
                Clear extension
              </SubmitButton>
            </div>
          </fieldset>
        )}
      </form>
      {reminder && (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">Preview of the reminder</summary>
          <div className="mt-2 rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="reminder-preview">
            <p className="font-semibold">{reminder.title}</p>
            <p className="mt-1 text-slate-800">{reminder.body}</p>
            <p className="mt-2 text-slate-700">
              It shows under the learner&apos;s bell and is emailed (unless they turned these off). Each learner gets at most one reminder
              from you per day; anyone reminded in the last 24 hours is skipped, and so is anyone who finishes before it goes out.
            </p>
          </div>
        </details>
      )}
      <FormMessage state={state} quietWithFieldErrors={false} />
      {result && result.rows.length > 0 && (
        <Table
          caption="Results, one row per learner"
          showCaption
          columns={[
            { key: "name", label: "Learner" },
            { key: "result", label: "Result" },
          ]}
        >
          {result.rows.map((r) => (
            <Tr key={r.learnerId} data-testid="bulk-outcome">
              <RowHeader>{r.name}</RowHeader>
              <Td className={r.done ? undefined : "text-slate-700"}>{r.result}</Td>
            </Tr>
          ))}
        </Table>
      )}
    </section>
  );
}
