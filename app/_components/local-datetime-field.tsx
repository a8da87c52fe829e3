"use client";

import { viewerTimeZone } from "@/lib/platform/format";
import { useState, useSyncExternalStore } from "react";
import { controlClasses, Field } from "@/app/_components/ui/field";

const subscribe = () => () => {};

function pad(n: number) {
  return String(n).padStart(2, "0");
}

/** An instant as the value of a datetime-local input, in the browser's time zone. */
function toLocalInput(iso: string) {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** What the person typed (their wall-clock time) as a UTC instant; "" when incomplete. */
function toIso(local: string) {
  if (!local) return "";
  const d = new Date(local); // a date-time without offset is read as local time
  return Number.isNaN(d.getTime()) ? "" : d.toISOString();
}

/**
 * A date and time typed in the viewer's own time zone. The form sends the
 * UTC instant (hidden field `name`), so the server never guesses a zone.
 */
export function LocalDateTimeField({
  name,
  label,
  defaultIso,
  error,
  hint,
  id,
}: {
  name: string;
  /** the control's id when a page has two fields of one name (default `${name}-local`) */
  id?: string;
  label: string;
  defaultIso?: string | null;
  error?: string;
  hint?: string;
}) {
  const hydrated = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const zone = useSyncExternalStore(subscribe, viewerTimeZone, () => "");
  const [typed, setTyped] = useState<string | null>(null);
  const value = typed ?? (hydrated && defaultIso ? toLocalInput(defaultIso) : "");
  const fullHint = [hint, zone ? `Your time zone: ${zone}.` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <Field id={id ?? `${name}-local`} label={label} hint={fullHint} error={error}>
      {(control) => (
        <>
          <input
            {...control}
            type="datetime-local"
            className={`${controlClasses} w-full`}
            value={value}
            onChange={(e) => setTyped(e.target.value)}
          />
          <input type="hidden" name={name} value={toIso(value)} />
        </>
      )}
    </Field>
  );
}
