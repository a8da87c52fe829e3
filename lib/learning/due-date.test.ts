/** The learner home's due line: US words, on the calendar of the learner's own time zone. */
import { describe, expect, it } from "vitest";
import { describeDue, dueDay, localDate } from "./due-date";

// 2 a.m. UTC on Saturday, December 5, 2026: still Friday the 4th in the Americas
const due = new Date("2026-12-05T02:00:00Z");
const before = new Date("2026-12-01T15:00:00Z");
const after = new Date("2026-12-07T15:00:00Z");

describe("the due line", () => {
  it("reads the due date on the learner's own calendar", () => {
    expect(describeDue(due, "America/New_York", before)).toEqual({ overdue: false, label: "Due Friday, December 4", time: "9:00 PM EST" });
    expect(describeDue(due, "Pacific/Honolulu", before).label).toBe("Due Friday, December 4");
    expect(describeDue(due, "Europe/London", before)).toMatchObject({ label: "Due Saturday, December 5", time: "2:00 AM GMT" });
  });

  it('says "Overdue since" once the moment has passed', () => {
    expect(describeDue(due, "America/Chicago", after)).toMatchObject({ overdue: true, label: "Overdue since Friday, December 4" });
  });

  it("adds the year only when it is not this year there", () => {
    expect(dueDay(new Date("2027-01-04T18:00:00Z"), "America/Chicago", before)).toBe("Monday, January 4, 2027");
    // New Year's Eve in Honolulu is already 2027 in UTC: the learner's year decides
    expect(dueDay(new Date("2027-01-01T05:00:00Z"), "Pacific/Honolulu", new Date("2026-12-31T20:00:00Z"))).toBe("Thursday, December 31");
  });

  it("gives the calendar date in the zone (what the .ics event is dated)", () => {
    expect(localDate(due, "America/Los_Angeles")).toEqual({ year: 2026, month: 12, day: 4 });
    expect(localDate(due, "Asia/Tokyo")).toEqual({ year: 2026, month: 12, day: 5 });
  });
});
