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

// Building an Intl.DateTimeFormat costs far more than using one (a 25-row
// cohort page spent ~15 % of its server time constructing them): one per
// shape, kept for the life of the process or page.
const formatters = new Map<string, Intl.DateTimeFormat>();

function format(iso: string, dateOnly: boolean, timeZone: string | undefined) {
  const key = `${dateOnly ? "d" : "dt"}|${timeZone ?? ""}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // dateStyle/timeStyle cannot be combined with timeZoneName, so the fields are spelled out
    const date: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric", timeZone };
    const opts: Intl.DateTimeFormatOptions = dateOnly
      ? date
      : { ...date, hour: "numeric", minute: "2-digit", timeZoneName: timeZone ? "short" : undefined };
    formatter = new Intl.DateTimeFormat("en-US", opts);
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(iso));
}
