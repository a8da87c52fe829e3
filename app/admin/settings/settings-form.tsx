"use client";

import { useActionState, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import type { OrgSettings } from "@/lib/certificates/settings";
import { saveSettings } from "./actions";

type Row = { key: number; category: string; hours: string };

/** The saved targets as editable rows (one empty row when there are none), keyed from `first`. */
function rowsOf(settings: OrgSettings, first: number): Row[] {
  const r = settings.hourTargets.map((t, i) => ({ key: first + i, category: t.category, hours: String(t.hours) }));
  return r.length ? r : [{ key: first, category: "", hours: "" }];
}

export function SettingsForm({ initial, maxTargets }: { initial: OrgSettings; maxTargets: number }) {
  const [state, action] = useActionState(saveSettings, undefined);
  // The rows are controlled: React resets a form after its action, and an uncontrolled row added after the page
  // loaded had "" as its default, so a saved category came back blank (and the next save deleted it).
  const [rows, setRows] = useState<Row[]>(() => rowsOf(initial, 0));
  const [nextKey, setNextKey] = useState(rows.length);
  // after a save the page re-renders with what was stored: show exactly that
  const saved = JSON.stringify(initial.hourTargets);
  const [shown, setShown] = useState(saved);
  if (saved !== shown) {
    setShown(saved);
    setRows(rowsOf(initial, nextKey));
    setNextKey(nextKey + Math.max(initial.hourTargets.length, 1));
  }
  const update = (key: number, change: Partial<Row>) => setRows((r) => r.map((x) => (x.key === key ? { ...x, ...change } : x)));
  const err = state?.fieldErrors ?? {};
  const typed = state?.ok === false ? state.values : undefined;
  const value = (name: string, fallback: string) => typed?.[name] ?? fallback;

  return (
    <form action={action} className="space-y-6" noValidate>
      <Card title="Provider on certificates" className="space-y-4">
        <TextField
          name="organisationName"
          label="Organization name"
          defaultValue={value("organisationName", initial.organisationName)}
          error={err.organisationName}
        />
        <TextField
          name="providerApprovalNumber"
          label="Provider or program approval number (optional)"
          hint="The number your certification board gave the provider or program, if any. Printed on certificates."
          defaultValue={value("providerApprovalNumber", initial.providerApprovalNumber ?? "")}
          error={err.providerApprovalNumber}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="signerName"
            label="Signed by (optional)"
            hint="The person whose name is printed under the signature line, for example your training director."
            defaultValue={value("signerName", initial.signerName ?? "")}
            error={err.signerName}
          />
          <TextField
            name="signerTitle"
            label="Signer's title (optional)"
            hint="Printed under the name, for example “Director of Training”."
            defaultValue={value("signerTitle", initial.signerTitle ?? "")}
            error={err.signerTitle}
          />
        </div>
      </Card>

      <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <legend className="float-left mb-1 w-full text-lg font-semibold">Hour targets</legend>
        <p className="clear-both text-sm text-slate-700">
          Hours a learner needs per category, for example 40 in &ldquo;CRSS domains&rdquo; or 6 in &ldquo;Professional ethics&rdquo;. Each
          learner&apos;s training record shows their progress. Categories match the hours category of each module (capital letters do not
          matter).
        </p>
        {err.targets && <p className="text-sm font-medium text-red-700">{err.targets}</p>}
        {rows.map((row, i) => {
          const c = `targetCategory-${i}`;
          const h = `targetHours-${i}`;
          return (
            <div key={row.key} className="flex flex-wrap items-start gap-3 border-t border-slate-100 pt-3">
              <TextField
                fieldClassName="min-w-48 flex-1"
                id={c}
                name={c}
                label={`Category ${i + 1}`}
                value={row.category}
                onChange={(e) => update(row.key, { category: e.target.value })}
                error={err[c]}
              />
              <TextField
                fieldClassName="w-32"
                id={h}
                name={h}
                label={
                  <>
                    Hours<span className="sr-only"> for category {i + 1}</span>
                  </>
                }
                inputMode="decimal"
                value={row.hours}
                onChange={(e) => update(row.key, { hours: e.target.value })}
                error={err[h]}
              />
              <Button variant="secondary" className="mt-6" onClick={() => setRows((r) => r.filter((x) => x.key !== row.key))}>
                Remove<span className="sr-only"> category {i + 1}</span>
              </Button>
            </div>
          );
        })}
        {rows.length < maxTargets && (
          <Button
            variant="secondary"
            onClick={() => {
              setRows((r) => [...r, { key: nextKey, category: "", hours: "" }]);
              setNextKey((k) => k + 1);
            }}
          >
            Add a category
          </Button>
        )}
      </fieldset>

      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
