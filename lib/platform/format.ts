/**
 * How the product writes dates, times, percentages, hours and counts for
 * people to read: US English everywhere (pages, PDFs, emails), so one thing
 * never reads two ways ("57 %" and "32%", "Dec 1, 2026" and "1 December
 * 2026"). Pure functions, safe in the browser too. A time zone is named
 * wherever the server formats (the user's, else the organization's, else
 * UTC); in the browser, leaving it out means the viewer's own zone.
 * CSV files do not use these: they write ISO 8601 UTC (lib/platform/csv).
 * format.test.ts fails when a page or PDF formats by hand instead.
 */

// building an Intl formatter costs far more than using one: keep them
const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, options: Intl.DateTimeFormatOptions) {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat("en-US", options)));
  return f;
}

/** The zone this runtime runs in: in a browser, the viewer's own. */
export function viewerTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

type DateOptions = { timeZone: string; month?: "short" | "long" };

/** "Dec 1, 2026" (or "December 1, 2026" with month "long"): the calendar date in `timeZone`. */
export function formatDate(d: Date | string, { timeZone, month = "short" }: DateOptions): string {
  return formatter(`d:${timeZone}:${month}`, { timeZone, month, day: "numeric", year: "numeric" }).format(new Date(d));
}

/**
 * "Dec 1, 2026, 3:05 PM CST": date and time in `timeZone`, with the zone
 * named. Without a zone (in the browser): the viewer's, not named.
 */
export function formatDateTime(d: Date | string, { timeZone }: { timeZone: string | undefined }): string {
  return formatter(`dt:${timeZone ?? ""}`, {
    timeZone,
    month: "short",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: timeZone ? "short" : undefined,
  }).format(new Date(d));
}

/** "Dec 1": month and day in `timeZone` (chart ticks, where the year is plain). */
export function formatMonthDay(d: Date | string, { timeZone }: { timeZone: string }): string {
  return formatter(`md:${timeZone}`, { timeZone, month: "short", day: "numeric" }).format(new Date(d));
}

/** "11:59 PM CST": the time of day in `timeZone`, with the zone named. */
export function formatTime(d: Date | string, { timeZone }: { timeZone: string }): string {
  return formatter(`t:${timeZone}`, { timeZone, hour: "numeric", minute: "2-digit", timeZoneName: "short" }).format(new Date(d));
}

/** "Friday, December 4" (with `year`: "Friday, December 4, 2027"): a day as a learner reads a due date. */
export function formatWeekdayDate(d: Date | string, { timeZone, year = false }: { timeZone: string; year?: boolean }): string {
  return formatter(`wd:${timeZone}:${year}`, {
    timeZone,
    weekday: "long",
    month: "long",
    day: "numeric",
    ...(year ? { year: "numeric" } : {}),
  }).format(new Date(d));
}

/** The calendar date (year, month 1–12, day) of `at` in `timeZone`: arithmetic, not display. */
export function calendarDate(at: Date, timeZone: string): { year: number; month: number; day: number } {
  const parts = formatter(`cal:${timeZone}`, { timeZone, year: "numeric", month: "numeric", day: "numeric" }).formatToParts(at);
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return { year: n("year"), month: n("month"), day: n("day") };
}

/**
 * 57 → "57%", 33.333 → "33%", null → "—". Whole percentages, no space, as US
 * English writes them; `decimals` for the item analysis (33.3%).
 */
export function formatPercent(value: number | null | undefined, { decimals = 0 }: { decimals?: 0 | 1 } = {}): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  return decimals ? `${(Math.round(value * 10) / 10).toFixed(1)}%` : `${Math.round(value)}%`;
}

const integer = new Intl.NumberFormat("en-US");
const hoursNumber = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 2 });

/** 1 → "1.0", 1.5 → "1.5", 0.755 → "0.76", 1234.5 → "1,234.5": contact hours, at most two decimals. */
export function formatHours(hours: number): string {
  return hoursNumber.format(Math.round(hours * 100) / 100);
}

/** 12000 → "12,000". */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** 2048 → "2 KB", 3_500_000 → "3.3 MB": a file's size. */
export function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${integer.format(Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "1.5 contact hours", "1.0 contact hour". */
export function formatContactHours(hours: number): string {
  return `${formatHours(hours)} contact ${hours === 1 ? "hour" : "hours"}`;
}

/**
 * "November 27, 2026": the date a certificate states. The UTC calendar date,
 * so the document reads the same to everyone who checks it, wherever they are.
 */
export function formatCertificateDate(d: Date | string): string {
  return formatDate(d, { timeZone: "UTC", month: "long" });
}
