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
  // Intl refuses timeZoneName together with dateStyle, so the server's "UTC" mark is appended
  const opts: Intl.DateTimeFormatOptions = dateOnly ? { dateStyle: "medium", timeZone } : { dateStyle: "medium", timeStyle: "short", timeZone };
  const text = new Intl.DateTimeFormat("en-US", opts).format(new Date(iso));
  return timeZone && !dateOnly ? `${text} UTC` : text;
}
