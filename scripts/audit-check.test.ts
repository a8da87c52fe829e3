import { describe, expect, it } from "vitest";
import { compareVersions, evaluate, floorProblems, readExceptions } from "./audit-check.mjs";

/** The shape of `npm audit --json` (report version 2). */
const report = {
  auditReportVersion: 2,
  vulnerabilities: {
    next: {
      name: "next",
      severity: "critical",
      via: [
        {
          source: 1101,
          name: "next",
          title: "Authorization bypass in middleware",
          url: "https://github.com/advisories/GHSA-f82v-jwr5-mffw",
          severity: "critical",
          range: ">=15.0.0 <15.2.3",
        },
        {
          source: 1102,
          name: "next",
          title: "Cache poisoning",
          url: "https://github.com/advisories/GHSA-qpjv-v59x-3qc4",
          severity: "moderate",
          range: "<15.1.6",
        },
      ],
    },
    "some-parser": {
      name: "some-parser",
      severity: "high",
      via: [
        {
          source: 2201,
          name: "some-parser",
          title: "ReDoS",
          url: "https://github.com/advisories/GHSA-aaaa-bbbb-cccc",
          severity: "high",
          range: "<2.0.0",
        },
      ],
    },
    "uses-parser": { name: "uses-parser", severity: "high", via: ["some-parser"] },
  },
};

describe("evaluate", () => {
  it("blocks every high or critical advisory nobody accepted, once each, and ignores moderate ones", () => {
    const r = evaluate(report, []);
    expect(r.blocking.map((a) => a.id).sort()).toEqual(["GHSA-AAAA-BBBB-CCCC", "GHSA-F82V-JWR5-MFFW"]);
    expect(r.accepted).toEqual([]);
  });

  it("accepts an advisory listed with a reason until its date, then blocks it again", () => {
    const { exceptions } = readExceptions({
      exceptions: [
        {
          advisory: "GHSA-aaaa-bbbb-cccc",
          package: "some-parser",
          reason: "only parses our own config files at build time",
          until: "2027-01-31",
        },
      ],
    });
    const before = evaluate(report, exceptions, new Date("2027-01-01"));
    expect(before.accepted.map((a) => a.id)).toEqual(["GHSA-AAAA-BBBB-CCCC"]);
    expect(before.blocking.map((a) => a.id)).toEqual(["GHSA-F82V-JWR5-MFFW"]);
    const after = evaluate(report, exceptions, new Date("2027-02-01"));
    expect(after.expired.map((a) => a.id)).toEqual(["GHSA-AAAA-BBBB-CCCC"]);
  });

  it("passes a clean report", () => {
    expect(evaluate({ auditReportVersion: 2, vulnerabilities: {} }, [])).toEqual({ blocking: [], accepted: [], expired: [] });
  });
});

describe("readExceptions", () => {
  it("refuses an exception without a reason or a date", () => {
    const { exceptions, problems } = readExceptions({
      exceptions: [
        { advisory: "GHSA-1" },
        { advisory: "GHSA-2", reason: "not used by us at all", until: "soon" },
        { reason: "no id here at all" },
      ],
    });
    expect(exceptions).toEqual([]);
    expect(problems).toHaveLength(3);
  });
});

describe("advisory floors", () => {
  it("compares versions numerically", () => {
    expect(compareVersions("16.10.0", "16.2.11")).toBeGreaterThan(0);
    expect(compareVersions("16.2.11", "16.2.11")).toBe(0);
    expect(compareVersions("16.2.11-canary.1", "16.2.11")).toBeLessThan(0);
    expect(compareVersions("4.24.14", "4.24.15")).toBeLessThan(0);
  });

  it("reports an installed version below its floor", () => {
    const floors = [
      { package: "next", minimum: "16.2.11", why: "proxy bypass" },
      { package: "next-auth", minimum: "4.24.15", why: "advisories" },
      { package: "absent", minimum: "1.0.0", why: "not installed" },
    ];
    const installed: Record<string, string> = { next: "16.2.10", "next-auth": "4.24.15" };
    expect(floorProblems(floors, (n) => installed[n] ?? null)).toEqual(["next 16.2.10 is below 16.2.11 (proxy bypass)"]);
  });
});
