"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * A moment shown in the viewer's own time zone. The server renders UTC
 * (marked as such) and the browser replaces it after hydration.
 */
export function LocalTime({ value, dateOnly = false }: { value: Date | string | null | undefined; dateOnly?: boolean }) {
  const iso = value ? new Date(value).toISOString() : null;
  const text = useSyncExternalStore(
    subscribe,
    () => (iso ? format(iso, dateOnly, undefined) : "—"),
    () => (iso ? format(iso, dateOnly, "UTC") : "—"),
  );
  if (!iso) return <span>—</span>;
  return <time dateTime={iso}>{text}</time>;
}

function format(iso: string, dateOnly: boolean, timeZone: string | undefined) {
  // dateStyle/timeStyle cannot be combined with timeZoneName, so the fields are spelled out
  const date: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric", timeZone };
  const opts: Intl.DateTimeFormatOptions = dateOnly
    ? date
    : { ...date, hour: "numeric", minute: "2-digit", timeZoneName: timeZone ? "short" : undefined };
  return new Intl.DateTimeFormat("en-US", opts).format(new Date(iso));
}
