import { calendarDate, formatTime, formatWeekdayDate } from "@/lib/platform/format";

/**
 * How a due date reads to a learner: "Due Friday, December 4" or "Overdue
 * since Friday, December 4", on the calendar of their own time zone (the
 * user's, else the organization's), with the year only when it is not this
 * year there, and the time apart ("11:59 PM CST").
 */
/** "Friday, December 4" (plus ", 2027" when it is not this year in `timeZone`). */
export function dueDay(dueAt: Date, timeZone: string, now: Date = new Date()): string {
  const sameYear = calendarDate(dueAt, timeZone).year === calendarDate(now, timeZone).year;
  return formatWeekdayDate(dueAt, { timeZone, year: !sameYear });
}

export type DueText = { overdue: boolean; label: string; time: string };

/** The due line of an assignment not complete yet. */
export function describeDue(dueAt: Date, timeZone: string, now: Date = new Date()): DueText {
  const overdue = dueAt.getTime() < now.getTime();
  const day = dueDay(dueAt, timeZone, now);
  return { overdue, label: overdue ? `Overdue since ${day}` : `Due ${day}`, time: formatTime(dueAt, { timeZone }) };
}

/** The calendar date (year, month 1–12, day) of `at` in `timeZone`. */
export const localDate = calendarDate;
