/** The benchmark's verdicts: a missing route is "not available", never a crash or a PASS. */
import { describe, expect, it } from "vitest";
import { percentile } from "./http";
import { judgeBudgets, markdownTable, type Measured } from "./report";

const measured = (over: Partial<Measured>): Measured => ({
  label: "x", load: "1 conn", available: true, requests: 100, p50: 50, p95: 80, p99: 90, rps: 300, errors: 0, ...over,
});

const verdictOf = (budgets: ReturnType<typeof judgeBudgets>, start: string) => budgets.find((b) => b.budget.startsWith(start))?.verdict;

describe("benchmark budgets", () => {
  it("reports targets whose route does not exist as not available", () => {
    const budgets = judgeBudgets({ learnerHome: { label: "learner home", load: "20 conn", available: false, note: "route answers 404" } });
    expect(budgets.every((b) => b.verdict === "not available")).toBe(true);
    expect(budgets.find((b) => b.budget.startsWith("Learner home"))?.measured).toBe("route answers 404");
  });

  it("judges each budget on its own figure", () => {
    const budgets = judgeBudgets({
      organisationReport: measured({ label: "organisation report", p50: 250, sqlMs: 100 }),
      organisationReportFiltered: measured({ label: "organisation report, filtered", p50: 250, sqlMs: 200 }),
      export: measured({ p99: 5200, rssGrowthMb: 40, rows: 100 }),
      cohortPage: measured({ p50: 99 }),
      learnerHome: measured({ rps: 250, p99: 149, errors: 1 }),
      quizSubmit: measured({ p99: 150 }),
    });
    expect(verdictOf(budgets, "organisation report: p50 ≤ 300")).toBe("PASS");
    expect(verdictOf(budgets, "organisation report: p50 ≤ 2 ×")).toBe("FAIL");
    expect(verdictOf(budgets, "organisation report, filtered: p50 ≤ 2 ×")).toBe("PASS");
    expect(verdictOf(budgets, "CSV export of all rows")).toBe("FAIL");
    expect(verdictOf(budgets, "CSV export: server memory")).toBe("PASS");
    expect(verdictOf(budgets, "Cohort page")).toBe("PASS");
    expect(verdictOf(budgets, "Learner home")).toBe("FAIL");
    expect(verdictOf(budgets, "Quiz submission")).toBe("PASS");
  });

  it("does not judge page/SQL against draft SQL", () => {
    const budgets = judgeBudgets({ organisationReport: measured({ label: "organisation report", p50: 900, sqlMs: 10, sqlDraft: true }) });
    expect(verdictOf(budgets, "organisation report: p50 ≤ 2 ×")).toBe("not available");
    expect(verdictOf(budgets, "organisation report: p50 ≤ 300")).toBe("FAIL");
    expect(markdownTable([measured({ sqlMs: 10, sqlDraft: true })])).toContain("10.0 (draft)");
  });

  it("takes percentiles by rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(values, 0.5), percentile(values, 0.95), percentile(values, 0.99)]).toEqual([50, 95, 99]);
    expect(percentile([7], 0.99)).toBe(7);
  });
});

describe("placeholder pages", () => {
  it("label a figure measured on a placeholder", () => {
    const budgets = judgeBudgets({ learnerHome: measured({ rps: 500, p99: 20, placeholder: "/learn is a placeholder" }) });
    expect(budgets.find((b) => b.budget.startsWith("Learner home"))?.measured).toContain("placeholder page: /learn is a placeholder");
    expect(markdownTable([measured({ placeholder: "x" })])).toContain("PLACEHOLDER PAGE");
  });
});
