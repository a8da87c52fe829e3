"use client";

import { useActionState } from "react";
import { savePreferencesAction } from "../actions";
import { Button } from "@/app/_components/ui/button";
import { cardClasses } from "@/app/_components/ui/card";
import { cx } from "@/app/_components/ui/cx";

type Pref = { kind: string; label: string; optional: boolean; email: boolean };

export function PreferencesForm({ prefs }: { prefs: Pref[] }) {
  const [state, run, pending] = useActionState(savePreferencesAction, undefined);
  return (
    <form action={run} className={cx(cardClasses, "mt-4 max-w-2xl")}>
      <fieldset>
        <legend className="font-semibold">Send me an email when…</legend>
        <ul className="mt-3 space-y-3">
          {prefs.map((p) => (
            <li key={p.kind} className="flex items-start gap-3">
              <input
                id={`email-${p.kind}`}
                type="checkbox"
                name="email"
                value={p.kind}
                defaultChecked={p.email}
                disabled={!p.optional}
                className="mt-1 h-4 w-4"
                aria-describedby={p.optional ? undefined : `always-${p.kind}`}
              />
              <label htmlFor={`email-${p.kind}`}>
                {p.label}
                {!p.optional && (
                  <span id={`always-${p.kind}`} className="block text-sm text-slate-600">
                    Always sent: it is about your {p.kind === "account_changed" ? "account" : "credit"}.
                  </span>
                )}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="mt-4 flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save choices"}
        </Button>
        <span role="status" className="text-sm text-slate-700">
          {state?.message}
        </span>
      </div>
    </form>
  );
}
