/**
 * When a message may go out. Reminders go at 9 a.m. in the recipient's time
 * zone; a message caused by an event goes at once, unless it is night there
 * (9 p.m. to 8 a.m.), when it waits for 9 a.m. — never at 3 a.m.
 */
export const SEND_HOUR = 9;
const QUIET_FROM = 21;
const QUIET_UNTIL = 8;

/** The wall-clock parts of `at` in `timeZone`. */
function localParts(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: n("year"), month: n("month"), day: n("day"), hour: n("hour"), minute: n("minute"), second: n("second") };
}

/** The instant that reads `hour`:00 on the local calendar day of `at` (plus `addDays`) in `timeZone`. */
export function localTime(at: Date, timeZone: string, hour: number, addDays = 0): Date {
  const p = localParts(at, timeZone);
  // start from the wall-clock time read as UTC, then correct by the zone's offset at that moment (twice, for DST edges)
  let guess = Date.UTC(p.year, p.month - 1, p.day + addDays, hour, 0, 0);
  for (let i = 0; i < 2; i++) {
    const q = localParts(new Date(guess), timeZone);
    const shownAsUtc = Date.UTC(q.year, q.month - 1, q.day, q.hour, q.minute, q.second);
    guess += Date.UTC(p.year, p.month - 1, p.day + addDays, hour, 0, 0) - shownAsUtc;
  }
  return new Date(guess);
}

/** The next 9 a.m. in `timeZone` at or after `now`. */
export function nextSendHour(now: Date, timeZone: string): Date {
  const today = localTime(now, timeZone, SEND_HOUR);
  return today.getTime() >= now.getTime() ? today : localTime(now, timeZone, SEND_HOUR, 1);
}

/** For a message caused by an event: now, or 9 a.m. if it is night for the recipient. */
export function eventSendTime(now: Date, timeZone: string): Date {
  const { hour } = localParts(now, timeZone);
  if (hour >= QUIET_FROM || hour < QUIET_UNTIL) return nextSendHour(now, timeZone);
  return now;
}

/** A valid IANA zone name? */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
