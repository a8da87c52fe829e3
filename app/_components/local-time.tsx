"use client";

import { useSyncExternalStore } from "react";
import { formatDate, formatDateTime, viewerTimeZone } from "@/lib/platform/format";

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
  // without a zone, the browser's own (the viewer's); the server renders UTC, named
  return dateOnly ? formatDate(iso, { timeZone: timeZone ?? viewerTimeZone() }) : formatDateTime(iso, { timeZone });
}
