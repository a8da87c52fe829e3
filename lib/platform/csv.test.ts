import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { safeCell, toCsv } from "./csv";

describe("CSV cells", () => {
  it("neutralises what a spreadsheet would run as a formula", () => {
    for (const v of ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]) expect(safeCell(v)).toBe(`'${v}`);
    for (const v of ["Ana", "a=b", "42", "", "-0.31", "-7"]) expect(safeCell(v)).toBe(v);
    for (const v of ["-1-1", "-0.3e2", "-1,2", "- 1", "-1\n=1+1"]) expect(safeCell(v)).toBe(`'${v}`);
    expect(safeCell(null)).toBe("");
    expect(safeCell(new Date("2030-01-02T03:04:05Z"))).toBe("2030-01-02T03:04:05.000Z");
  });

  it("writes a document that reads back cell for cell", () => {
    const text = toCsv(["Name", "Note"], [["=cmd|' /C calc'!A0", 'say "hi", then go']]);
    expect(parse(text)).toEqual([
      ["Name", "Note"],
      ["'=cmd|' /C calc'!A0", 'say "hi", then go'],
    ]);
  });
});
