"use client";

import { useActionState, useRef } from "react";
import { Button } from "@/app/_components/ui/button";
import { cardClasses } from "@/app/_components/ui/card";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { cx } from "@/app/_components/ui/cx";
import { SelectField } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { RowHeader, Table, Td, Tr } from "@/app/_components/ui/table";
import { useRowSelection } from "@/app/_components/ui/use-row-selection";
import { bulkPeopleAction } from "./actions";

/** The form the row checkboxes belong to (their `form` attribute). */
export const PEOPLE_FORM_ID = "people-bulk-form";
type Outcome = { userId: string; name: string; done: boolean; result: string };

/**
 * Bulk actions on the People list: deactivate (confirmed, secondary-styled)
 * and change role, for the ticked people or everyone matching the search.
 * Each person is checked by the same rules as the one-person actions;
 * results come back row by row.
 */
export function PeopleBulkBar({ filter, total }: { filter: { q?: string; role?: string; status?: string }; total: number }) {
  const [state, action] = useActionState(bulkPeopleAction, undefined);
  const { checked, onPage, matching, allOnPage, selectAllMatching, tickAll, remember } = useRowSelection(PEOPLE_FORM_ID, state);
  const deactivateRef = useRef<HTMLButtonElement>(null);
  const count = matching ? total : checked;
  const who = `${count} ${count === 1 ? "person" : "people"}`;
  const outcomes = state?.ok ? (state.data as { outcomes: Outcome[] } | undefined)?.outcomes : undefined;
  return (
    <section aria-labelledby="people-bulk-heading" className={cx(cardClasses, "mb-3 space-y-3")} data-testid="people-bulk-bar">
      <h2 id="people-bulk-heading" className="sr-only">
        Act on selected people
      </h2>
      <form id={PEOPLE_FORM_ID} action={action} onSubmit={remember} className="space-y-3">
        <input type="hidden" name="scope" value={matching ? "matching" : "ids"} />
        <input type="hidden" name="q" value={filter.q ?? ""} />
        <input type="hidden" name="filterRole" value={filter.role ?? ""} />
        <input type="hidden" name="filterStatus" value={filter.status ?? ""} />
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <label className="flex items-center gap-2 font-medium">
            <input type="checkbox" checked={allOnPage} onChange={(e) => tickAll(e.target.checked)} disabled={!onPage} />
            Select all on this page
          </label>
          <span role="status" data-testid="people-selected-count">
            {matching ? `All ${who} matching this search are selected` : `${who} selected`}
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
        <div className="flex flex-wrap items-end gap-2">
          <SelectField name="role" label="New role" defaultValue="" width="auto" error={state?.fieldErrors?.role}>
            <option value="">Choose…</option>
            <option value="learner">Learner</option>
            <option value="instructor">Instructor</option>
            <option value="admin">Admin</option>
          </SelectField>
          <SubmitButton name="op" value="role" variant="secondary" disabled={count === 0} pendingLabel="Working…">
            Change role
          </SubmitButton>
          <ConfirmDialog
            trigger={
              <Button variant="danger-secondary" disabled={count === 0}>
                Deactivate
              </Button>
            }
            title={`Deactivate ${who}?`}
            description="They are signed out at once and can no longer sign in. Their records and certificates are kept; you can reactivate each account at any time. Your own account and the last active admin are skipped."
            confirmLabel={`Deactivate ${who}`}
            onConfirm={() => deactivateRef.current?.form?.requestSubmit(deactivateRef.current)}
          />
          <button ref={deactivateRef} type="submit" name="op" value="deactivate" hidden tabIndex={-1} aria-hidden="true" />
        </div>
      </form>
      <FormMessage state={state} />
      {outcomes && outcomes.length > 0 && (
        <Table
          caption="Results, one row per person"
          showCaption
          columns={[
            { key: "name", label: "Person" },
            { key: "result", label: "Result" },
          ]}
        >
          {outcomes.map((o) => (
            <Tr key={o.userId} data-testid="people-outcome">
              <RowHeader>{o.name}</RowHeader>
              <Td className={o.done ? undefined : "text-slate-700"}>{o.result}</Td>
            </Tr>
          ))}
        </Table>
      )}
    </section>
  );
}
