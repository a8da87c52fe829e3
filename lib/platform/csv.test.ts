import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { safeCell, toCsv, csvColumns, csvTimestamp } from "./csv";
import { exportHeader } from "@/lib/reports/organisation-export";
import { cohortCsvHeader } from "@/lib/reports/cohort-export";
import { itemAnalysisCsvHeader } from "@/lib/reports/item-analysis-csv";
import { recordCsvHeader } from "@/lib/certificates/record-csv";

describe("CSV cells", () => {
  it("neutralises what a spreadsheet would run as a formula", () => {
    for (const v of ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]) expect(safeCell(v)).toBe(`'${v}`);
    for (const v of ["Ana", "a=b", "42", "", "-0.31", "-7"]) expect(safeCell(v)).toBe(v);
    for (const v of ["-1-1", "-0.3e2", "-1,2", "- 1", "-1\n=1+1"]) expect(safeCell(v)).toBe(`'${v}`);
    expect(safeCell(null)).toBe("");
    expect(safeCell(new Date("2030-01-02T03:04:05Z"))).toBe("2030-01-02T03:04:05Z");
  });

  it("writes a document that reads back cell for cell", () => {
    const text = toCsv(["Name", "Note"], [["=cmd|' /C calc'!A0", 'say "hi", then go']]);
    expect(parse(text)).toEqual([
      ["Name", "Note"],
      ["'=cmd|' /C calc'!A0", 'say "hi", then go'],
    ]);
  });
});

describe("one CSV vocabulary (issue 15, defect 10)", () => {
  it("writes moments as ISO 8601 UTC, whole seconds", () => {
    expect(csvTimestamp(new Date("2026-12-01T14:05:00.123Z"))).toBe("2026-12-01T14:05:00Z");
    expect(csvTimestamp("2026-12-01T08:05:00-06:00")).toBe("2026-12-01T14:05:00Z");
    expect(csvTimestamp(null)).toBe("");
    expect(safeCell(new Date("2026-12-01T14:05:00Z"))).toBe("2026-12-01T14:05:00Z");
  });

  it("names the same column the same in every export, in words (no snake_case, no '(UTC)')", () => {
    const headers = { exportHeader, recordCsvHeader, cohortCsvHeader, itemAnalysisCsvHeader };
    const vocabulary = new Set<string>(Object.values(csvColumns));
    for (const [name, header] of Object.entries(headers)) {
      for (const cell of header) {
        expect(cell, `${name}: ${cell}`).toMatch(/^[A-Z][A-Za-z0-9 ()%-]*$/);
        expect(cell, `${name}: ${cell}`).not.toMatch(/_|\(UTC\)/);
      }
      // a column the vocabulary knows by another name would be a second word for one thing
      for (const cell of header)
        if (!vocabulary.has(cell)) expect(["Name", "Version", "Learner email", "Completed on"]).not.toContain(cell);
    }
    expect(exportHeader).toEqual(expect.arrayContaining(["Learner name", "Email", "Cohort", "Assigned", "Due", "Completed"]));
    expect(recordCsvHeader.slice(0, 2)).toEqual(["Learner name", "Completed"]);
    expect(cohortCsvHeader.slice(0, 2)).toEqual(["Learner name", "Email"]);
  });
});
