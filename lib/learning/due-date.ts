/**
 * How a due date reads to a learner: "Due Friday, December 4" or "Overdue
 * since Friday, December 4", on the calendar of their own time zone (the
 * user's, else the organization's), with the year only when it is not this
 * year there, and the time apart ("11:59 PM CST").
 */
const formats = new Map<string, Intl.DateTimeFormat>();
function format(timeZone: string, kind: "day" | "dayYear" | "time" | "year") {
  const key = `${kind}|${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === "time"
        ? { timeZone, hour: "numeric", minute: "2-digit", timeZoneName: "short" }
        : kind === "year"
          ? { timeZone, year: "numeric" }
          : { timeZone, weekday: "long", month: "long", day: "numeric", ...(kind === "dayYear" ? { year: "numeric" } : {}) };
    formats.set(key, (f = new Intl.DateTimeFormat("en-US", options)));
  }
  return f;
}

/** "Friday, December 4" (plus ", 2027" when it is not this year in `timeZone`). */
export function dueDay(dueAt: Date, timeZone: string, now: Date = new Date()): string {
  const sameYear = format(timeZone, "year").format(dueAt) === format(timeZone, "year").format(now);
  return format(timeZone, sameYear ? "day" : "dayYear").format(dueAt);
}

export type DueText = { overdue: boolean; label: string; time: string };

/** The due line of an assignment not complete yet. */
export function describeDue(dueAt: Date, timeZone: string, now: Date = new Date()): DueText {
  const overdue = dueAt.getTime() < now.getTime();
  const day = dueDay(dueAt, timeZone, now);
  return { overdue, label: overdue ? `Overdue since ${day}` : `Due ${day}`, time: format(timeZone, "time").format(dueAt) };
}

/** The calendar date (year, month 1–12, day) of `at` in `timeZone`. */
export function localDate(at: Date, timeZone: string): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric" }).formatToParts(at);
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return { year: n("year"), month: n("month"), day: n("day") };
}
