import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatHours, formatPercent } from "./format";

describe("one way to write dates, times, percentages and hours (issue 15, defect 10)", () => {
  const at = new Date("2026-12-01T21:05:00Z");

  it("writes dates the US way, on the calendar of the zone it is given", () => {
    expect(formatDate(at, { timeZone: "UTC" })).toBe("Dec 1, 2026");
    expect(formatDate(at, { timeZone: "UTC", month: "long" })).toBe("December 1, 2026");
    expect(formatDate(new Date("2026-12-02T03:00:00Z"), { timeZone: "America/Chicago" })).toBe("Dec 1, 2026");
    expect(formatDate("2026-12-01T21:05:00Z", { timeZone: "UTC" })).toBe("Dec 1, 2026");
  });

  it("writes date and time with a 12-hour clock and the zone named", () => {
    expect(formatDateTime(at, { timeZone: "America/Chicago" })).toBe("Dec 1, 2026, 3:05 PM CST");
    expect(formatDateTime(at, { timeZone: "UTC" })).toBe("Dec 1, 2026, 9:05 PM UTC");
  });

  it("writes percentages without a space, whole, and a dash for none", () => {
    expect(formatPercent(57)).toBe("57%");
    expect(formatPercent(32.4)).toBe("32%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(null)).toBe("—");
  });

  it("writes hours with at most two decimals", () => {
    expect(formatHours(1)).toBe("1.0");
    expect(formatHours(1.5)).toBe("1.5");
    expect(formatHours(0.755)).toBe("0.76");
  });
});
