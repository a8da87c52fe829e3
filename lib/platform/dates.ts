/**
 * The dates Cohort accepts from a person or a URL. Anything outside is a
 * typing slip or a probe: it is refused with a message (a 400 for a route),
 * never passed to the database (a year past 9999 does not even serialise).
 */
export const EARLIEST_DAY = "2000-01-01";
export const LATEST_DAY = "2099-12-31";

export const DATE_RANGE_MESSAGE = "Use a date between 2000 and 2099.";

const earliest = Date.parse(`${EARLIEST_DAY}T00:00:00Z`);
const latest = Date.parse(`${LATEST_DAY}T23:59:59.999Z`);

/** A calendar day written YYYY-MM-DD within the accepted range. */
export function isDayInRange(day: string): boolean {
  return day >= EARLIEST_DAY && day <= LATEST_DAY;
}

export function isInstantInRange(d: Date): boolean {
  const t = d.getTime();
  return Number.isFinite(t) && t >= earliest && t <= latest;
}
