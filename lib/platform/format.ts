/**
 * How the product writes dates, times, percentages and hours for people to
 * read: US English everywhere (pages, PDFs, emails), so one thing never reads
 * two ways ("57 %" and "32%", "Dec 1, 2026" and "1 December 2026"). Pure
 * functions; a time zone is always named (the viewer's in the browser, the
 * organization's or UTC on the server). CSV files use ISO 8601 instead.
 */

// building an Intl formatter costs far more than using one: keep them
const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, options: Intl.DateTimeFormatOptions) {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat("en-US", options)));
  return f;
}

type DateOptions = { timeZone: string; month?: "short" | "long" };

/** "Dec 1, 2026" (or "December 1, 2026" with month "long"): the calendar date in `timeZone`. */
export function formatDate(d: Date | string, { timeZone, month = "short" }: DateOptions): string {
  return formatter(`d:${timeZone}:${month}`, { timeZone, month, day: "numeric", year: "numeric" }).format(new Date(d));
}

/** "Dec 1, 2026, 3:05 PM CST": date and time in `timeZone`, with the zone named. */
export function formatDateTime(d: Date | string, { timeZone }: { timeZone: string }): string {
  return formatter(`dt:${timeZone}`, {
    timeZone,
    month: "short",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(new Date(d));
}

/** 57 → "57%", 33.333 → "33%", null → "—". Whole percentages, no space, as US English writes them. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  return `${Math.round(value)}%`;
}

/** 1 → "1.0", 1.5 → "1.5", 0.75 → "0.75": contact hours, at most two decimals. */
export function formatHours(hours: number): string {
  const rounded = Math.round(hours * 100) / 100;
  return Number.isInteger(rounded) ? rounded.toFixed(1) : String(rounded);
}
