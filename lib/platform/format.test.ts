import fs from "node:fs";
import path from "node:path";
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
    expect(formatPercent(33.333, { decimals: 1 })).toBe("33.3%");
  });

  it("writes hours with at most two decimals", () => {
    expect(formatHours(1)).toBe("1.0");
    expect(formatHours(1.5)).toBe("1.5");
    expect(formatHours(0.755)).toBe("0.76");
    expect(formatHours(1234.5)).toBe("1,234.5");
  });
});

describe("nothing formats by hand (issue 15, item 10)", () => {
  const root = path.resolve(__dirname, "../..");
  // files that read a zone's wall clock for arithmetic or check a zone name, and show nothing
  const arithmetic = new Set(["lib/notifications/schedule.ts", "lib/notifications/time-zone.ts"]);
  const rules: [RegExp, string][] = [
    [/\bIntl\.(DateTimeFormat|NumberFormat)\(/, "an Intl formatter outside lib/platform/format.ts"],
    [/\.toLocale(Date|Time)?String\(/, "toLocale…String (the runtime's locale, not US English)"],
    [/\}\s+%|\d\s+%["`<]/, 'a space before "%" (the house style is "85%")'],
    [/\}%(<|`\)?\s*[,;}]?\s*$|")/, "a percent written by hand (use formatPercent)"],
  ];

  function* sources(dir: string): Generator<string> {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) yield* sources(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) yield full;
    }
  }

  it("finds dates, times, percentages and hours written only through lib/platform/format", () => {
    const found: string[] = [];
    for (const top of ["app", "lib"]) {
      for (const file of sources(path.join(root, top))) {
        const rel = path.relative(root, file).split(path.sep).join("/");
        if (rel === "lib/platform/format.ts" || arithmetic.has(rel)) continue;
        fs.readFileSync(file, "utf8")
          .split("\n")
          .forEach((line, i) => {
            // CSS widths and SQL LIKE patterns use "%" without being a percentage for people to read
            if (/width:|\blike\b|\.replace\(/i.test(line) || /^\s*(\/\/|\*|\/\*)/.test(line)) return;
            for (const [rule, why] of rules) if (rule.test(line)) found.push(`${rel}:${i + 1}: ${why}: ${line.trim()}`);
          });
      }
    }
    expect(found).toEqual([]);
  });

  it("would catch the defect it guards against", () => {
    const bad = [
      '<Td numeric>{c.completePercent === null ? "—" : `${c.completePercent} %`}</Td>',
      "<span>{score}%</span>",
      'd.toLocaleDateString("en-GB")',
    ];
    const rules = [/\}\s+%|\d\s+%["`<]/, /\}%(<|`\)?\s*[,;}]?\s*$|")/, /\.toLocale(Date|Time)?String\(/];
    for (const line of bad) expect(rules.some((r) => r.test(line))).toBe(true);
  });
});
