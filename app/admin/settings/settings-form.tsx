"use client";

import { useActionState, useState } from "react";
import type { OrgSettings } from "@/lib/certificates/settings";
import { saveSettings } from "./actions";

type Row = { key: number; category: string; hours: string };

export function SettingsForm({ initial, maxTargets }: { initial: OrgSettings; maxTargets: number }) {
  const [state, action, pending] = useActionState(saveSettings, undefined);
  const [rows, setRows] = useState<Row[]>(() => {
    const r = initial.hourTargets.map((t, i) => ({ key: i, category: t.category, hours: String(t.hours) }));
    return r.length ? r : [{ key: 0, category: "", hours: "" }];
  });
  const [nextKey, setNextKey] = useState(rows.length);
  const err = state?.fieldErrors ?? {};
  const typed = state?.ok === false ? state.values : undefined;
  const value = (name: string, fallback: string) => typed?.[name] ?? fallback;

  return (
    <form action={action} className="space-y-6" noValidate>
      <div className="card space-y-4">
        <h2 className="text-lg font-semibold">Provider on certificates</h2>
        <div>
          <label htmlFor="organisationName" className="label">Organisation name</label>
          <input
            id="organisationName"
            name="organisationName"
            className="input"
            defaultValue={value("organisationName", initial.organisationName)}
            aria-invalid={Boolean(err.organisationName)}
            aria-describedby={err.organisationName ? "organisationName-error" : undefined}
          />
          {err.organisationName && <p id="organisationName-error" className="field-error">{err.organisationName}</p>}
        </div>
        <div>
          <label htmlFor="providerApprovalNumber" className="label">Provider or program approval number (optional)</label>
          <input
            id="providerApprovalNumber"
            name="providerApprovalNumber"
            className="input"
            defaultValue={value("providerApprovalNumber", initial.providerApprovalNumber ?? "")}
            aria-invalid={Boolean(err.providerApprovalNumber)}
            aria-describedby={err.providerApprovalNumber ? "providerApprovalNumber-hint providerApprovalNumber-error" : "providerApprovalNumber-hint"}
          />
          <p id="providerApprovalNumber-hint" className="mt-1 text-sm text-slate-600">The number your certification board gave the provider or program, if any. Printed on certificates.</p>
          {err.providerApprovalNumber && <p id="providerApprovalNumber-error" className="field-error">{err.providerApprovalNumber}</p>}
        </div>
      </div>

      <fieldset className="card space-y-3">
        <legend className="float-left mb-1 w-full text-lg font-semibold">Hour targets</legend>
        <p className="clear-both text-sm text-slate-700">
          Hours a learner needs per category, for example 40 in &ldquo;CRSS domains&rdquo; or 6 in &ldquo;Professional ethics&rdquo;. Each learner&apos;s training record shows their progress. Categories match the hours category of each module (capital letters do not matter).
        </p>
        {err.targets && <p className="field-error">{err.targets}</p>}
        {rows.map((row, i) => {
          const c = `targetCategory-${i}`;
          const h = `targetHours-${i}`;
          return (
            <div key={row.key} className="flex flex-wrap items-start gap-3 border-t border-slate-100 pt-3">
              <div className="min-w-48 flex-1">
                <label htmlFor={c} className="label">Category {i + 1}</label>
                <input id={c} name={c} className="input" defaultValue={value(c, row.category)}
                  aria-invalid={Boolean(err[c])} aria-describedby={err[c] ? `${c}-error` : undefined} />
                {err[c] && <p id={`${c}-error`} className="field-error">{err[c]}</p>}
              </div>
              <div className="w-32">
                <label htmlFor={h} className="label">Hours<span className="sr-only"> for category {i + 1}</span></label>
                <input id={h} name={h} className="input" inputMode="decimal" defaultValue={value(h, row.hours)}
                  aria-invalid={Boolean(err[h])} aria-describedby={err[h] ? `${h}-error` : undefined} />
                {err[h] && <p id={`${h}-error`} className="field-error">{err[h]}</p>}
              </div>
              <button type="button" className="btn-secondary mt-6" onClick={() => setRows((r) => r.filter((x) => x.key !== row.key))}>
                Remove<span className="sr-only"> category {i + 1}</span>
              </button>
            </div>
          );
        })}
        {rows.length < maxTargets && (
          <button
            type="button"
            className="btn-secondary"
            onClick={() => {
              setRows((r) => [...r, { key: nextKey, category: "", hours: "" }]);
              setNextKey((k) => k + 1);
            }}
          >
            Add a category
          </button>
        )}
      </fieldset>

      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="btn" disabled={pending}>{pending ? "Saving…" : "Save settings"}</button>
        <p role="status" className={state?.ok === false ? "text-sm text-red-700" : "text-sm text-green-800"}>{state?.message}</p>
      </div>
    </form>
  );
}
