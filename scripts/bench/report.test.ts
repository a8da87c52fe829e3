/** The benchmark's verdicts: ratios to references measured alongside, quick mode at half the budget, never a crash. */
import { describe, expect, it } from "vitest";
import { mergeSamples, percentile, summarize } from "./http";
import { boundFor, budgets, judgeBudgets, markdownTable, textTable, type Measured } from "./report";

const measured = (over: Partial<Measured>): Measured => ({
  label: "x",
  load: "1 conn",
  available: true,
  requests: 100,
  p50: 50,
  p95: 80,
  p99: 90,
  rps: 300,
  errors: 0,
  ...over,
});
const session = { label: "session API", rps: 1000, p50: 10, p99: 40 };
const sql = (p50: number) => ({ label: "its SQL", p50, p99: p50 * 2 });

const verdictOf = (results: ReturnType<typeof judgeBudgets>, start: string) => {
  const found = results.filter((b) => b.budget.startsWith(start));
  if (found.length !== 1) throw new Error(`${found.length} budgets start with "${start}"`);
  return found[0].verdict;
};

describe("ratio budgets", () => {
  it("judge the learner home against the session API measured alongside", () => {
    const at = (rps: number, p99: number, errors = 0) => judgeBudgets({ learnerHome: measured({ rps, p99, errors, reference: session }) });
    expect(verdictOf(at(600, 80), "Learner home: req/s")).toBe("PASS"); // exactly 60 %
    expect(verdictOf(at(599, 80), "Learner home: req/s")).toBe("FAIL");
    expect(verdictOf(at(600, 80), "Learner home: p99")).toBe("PASS"); // exactly 2 ×
    expect(verdictOf(at(600, 81), "Learner home: p99")).toBe("FAIL");
    expect(verdictOf(at(900, 50, 3), "Learner home: req/s")).toBe("FAIL"); // errors fail whatever the ratio
  });

  it("say what was compared with what", () => {
    const [throughput] = judgeBudgets({ learnerHome: measured({ rps: 640, reference: session }) });
    expect(throughput.budget).toContain("≥ 60 %");
    expect(throughput.measured).toBe("64 %: 640 req/s vs session API 1000 req/s");
    const page = judgeBudgets({ cohortPage: measured({ p50: 25, reference: sql(10) }) }).find((b) => b.budget.startsWith("Cohort"))!;
    expect(page.measured).toBe("×2.50: p50 25.0 ms vs its SQL p50 10.0 ms");
    expect(page.verdict).toBe("PASS");
  });

  it("show beside the learner home what a bare page reached against the same reference, without judging it", () => {
    const home = measured({ rps: 270, p99: 120, reference: session, extra: { barePageRps: 430, barePageP99: 70, barePageCpuMs: 7.5 } });
    const [throughput, tail] = judgeBudgets({ learnerHome: home });
    expect(throughput.measured).toBe("27 %: 270 req/s vs session API 1000 req/s; a bare page reached 43 %");
    expect(throughput.verdict).toBe("FAIL");
    expect(tail.measured).toBe("×3.00: p99 120 ms vs session API p99 40.0 ms; a bare page ×1.75");
    const line = markdownTable([home])
      .split("\n")
      .find((l) => l.includes("a bare page"))!;
    expect(line).toContain("session API: 1000 req/s, p99 40.0 ms; a bare page: 430 req/s, p99 70.0 ms, 7.5 CPU ms/req");
    expect(line).toContain("27 % req/s, p99 ×3.00; the bare page 43 % req/s, p99 ×1.75");
  });

  it("judge pages against their SQL, quiz and export against theirs", () => {
    const results = judgeBudgets({
      cohortPage: measured({ p50: 26, reference: sql(10) }),
      organisationReport: measured({ p50: 150, reference: sql(100) }),
      organisationReportFiltered: measured({ p50: 151, reference: sql(100) }),
      quizSubmit: measured({ p99: 120, reference: session }),
      export: measured({ p50: 900, rows: 10, expectedRows: 10, rssGrowthMb: 100.5, reference: { label: "bare cursor", p50: 300 } }),
    });
    expect(verdictOf(results, "Cohort page")).toBe("FAIL");
    expect(verdictOf(results, "Organisation report: p50")).toBe("PASS");
    expect(verdictOf(results, "Organisation report, filtered")).toBe("FAIL");
    expect(verdictOf(results, "Quiz submission")).toBe("PASS"); // exactly 3 ×
    expect(verdictOf(results, "CSV export, all rows")).toBe("PASS");
    expect(verdictOf(results, "CSV export: server memory")).toBe("FAIL");
  });

  it("fail an export that lost rows, however fast", () => {
    const results = judgeBudgets({
      export: measured({ p50: 100, rows: 9, expectedRows: 10, reference: { label: "bare cursor", p50: 300 } }),
    });
    expect(verdictOf(results, "CSV export, all rows")).toBe("FAIL");
    expect(results.find((b) => b.budget.startsWith("CSV export, all rows"))!.measured).toContain("9 rows of 10");
  });

  it("are not available without a target, a reference or a usable reference figure", () => {
    const results = judgeBudgets({
      learnerHome: { label: "learner home", load: "20 conn", available: false, note: "route answers 404 (not built yet)" },
      cohortPage: measured({ p50: 20 }),
      organisationReport: measured({ p50: 20, reference: sql(0) }),
    });
    expect(verdictOf(results, "Learner home: req/s")).toBe("not available");
    expect(results.find((b) => b.budget.startsWith("Learner home: req/s"))!.measured).toBe("route answers 404 (not built yet)");
    expect(verdictOf(results, "Cohort page")).toBe("not available");
    expect(verdictOf(results, "Organisation report: p50")).toBe("not available");
    expect(verdictOf(results, "Quiz submission")).toBe("not available"); // not measured at all
    expect(results.every((b) => b.verdict !== "PASS")).toBe(true);
  });
});

describe("quick mode", () => {
  it("fails only a ratio worse than half its budget", () => {
    const quick = (over: Record<string, Measured>) => judgeBudgets(over, { quick: true });
    // learner home: ≥ 30 % instead of 60 %, p99 ≤ 4 × instead of 2 ×
    expect(verdictOf(quick({ learnerHome: measured({ rps: 300, p99: 160, reference: session }) }), "Learner home: req/s")).toBe("PASS");
    expect(verdictOf(quick({ learnerHome: measured({ rps: 299, p99: 160, reference: session }) }), "Learner home: req/s")).toBe("FAIL");
    expect(verdictOf(quick({ learnerHome: measured({ rps: 300, p99: 161, reference: session }) }), "Learner home: p99")).toBe("FAIL");
    // organisation report: ≤ 3 × instead of 1.5 ×
    expect(verdictOf(quick({ organisationReport: measured({ p50: 30, reference: sql(10) }) }), "Organisation report:")).toBe("PASS");
    expect(verdictOf(quick({ organisationReport: measured({ p50: 31, reference: sql(10) }) }), "Organisation report:")).toBe("FAIL");
    // where halving does not fit 10,000 learners: twice what quick mode measured (cohort page ×9 → ≤ 18 ×)
    expect(verdictOf(quick({ cohortPage: measured({ p50: 180, reference: sql(10) }) }), "Cohort page")).toBe("PASS");
    expect(verdictOf(quick({ cohortPage: measured({ p50: 181, reference: sql(10) }) }), "Cohort page")).toBe("FAIL");
  });

  it("keeps absolute budgets and the no-errors rule as they are", () => {
    const memory = budgets.find((b) => b.unit === "MB")!;
    expect(boundFor(memory, true)).toBe(100);
    const results = judgeBudgets(
      { export: measured({ p50: 100, rows: 10, expectedRows: 10, rssGrowthMb: 101, errors: 0, reference: { label: "c", p50: 100 } }) },
      { quick: true },
    );
    expect(verdictOf(results, "CSV export: server memory")).toBe("FAIL");
    expect(
      verdictOf(judgeBudgets({ cohortPage: measured({ p50: 10, errors: 1, reference: sql(10) }) }, { quick: true }), "Cohort page"),
    ).toBe("FAIL");
  });

  it("says the budget it judged by", () => {
    const [line] = judgeBudgets({ learnerHome: measured({ rps: 500, reference: session }) }, { quick: true });
    expect(line.budget).toContain("≥ 30 %");
    expect(line.budget).toContain("half the budget of 60 %");
  });
});

describe("quick mode's page-vs-SQL", () => {
  it("takes a bare page's p50 out of the page's, and still fails a page that doubles its own work", () => {
    const at = (p50: number, quick: boolean) =>
      verdictOf(
        judgeBudgets({ organisationReport: measured({ p50, reference: sql(10), extra: { barePageP50: 40 } }) }, { quick }),
        "Organisation report:",
      );
    // 40 ms of any page plus 15 ms over 10 ms of SQL: ×5.5 as page ÷ SQL, ×1.5 less the bare page
    expect(at(55, true)).toBe("PASS");
    expect(at(70, true)).toBe("PASS"); // exactly 3 ×
    expect(at(71, true)).toBe("FAIL"); // the page's own 15 ms doubled and more
    expect(at(55, false)).toBe("FAIL"); // the full run judges page ÷ SQL
  });

  it("says so in the budget line", () => {
    const [line] = judgeBudgets(
      { cohortPage: measured({ p50: 30, reference: sql(10), extra: { barePageP50: 20 } }) },
      { quick: true },
    ).filter((b) => b.budget.startsWith("Cohort page"));
    expect(line.budget).toContain("less a bare page's p50 ≤ 18 ×");
    expect(line.measured).toContain("×1.00");
  });
});

describe("reminders (issue #14)", () => {
  it("scale the sweep's budget with the learners, and fail a repeat sweep that adds anything", () => {
    const sweep = (ms: number, learners: number) =>
      measured({ p50: ms, extra: { secondsPer100k: ms / 1000 / (learners / 100_000), learners } });
    expect(verdictOf(judgeBudgets({ reminderSweep: sweep(9_000, 100_000) }), "Reminder sweep (")).toBe("PASS");
    expect(verdictOf(judgeBudgets({ reminderSweep: sweep(1_100, 10_000) }), "Reminder sweep (")).toBe("FAIL");
    expect(verdictOf(judgeBudgets({ reminderSweep: sweep(1_100, 10_000) }, { quick: true }), "Reminder sweep (")).toBe("PASS");
    const again = (added: number) => judgeBudgets({ reminderSweepAgain: measured({ extra: { added } }) }, { quick: true });
    expect(verdictOf(again(0), "Reminder sweep again")).toBe("PASS");
    expect(verdictOf(again(1), "Reminder sweep again")).toBe("FAIL"); // not relaxed in quick mode
  });

  it("judge learners during the sweep against themselves without it, and sending by messages per second", () => {
    const without = { label: "learner home without it", rps: 300, p50: 40, p99: 100 };
    const during = (p99: number) => judgeBudgets({ learnerHomeDuringSweep: measured({ p99, reference: without }) });
    expect(verdictOf(during(120), "Learner home during the sweep")).toBe("PASS");
    expect(verdictOf(during(121), "Learner home during the sweep")).toBe("FAIL");
    const send = (rps: number) =>
      judgeBudgets({ notificationSend: measured({ rps, reference: { label: "the transport alone", rps: 400 } }) });
    expect(verdictOf(send(100), "Notification sending")).toBe("PASS");
    expect(verdictOf(send(99), "Notification sending")).toBe("FAIL");
    expect(send(200).find((b) => b.budget.startsWith("Notification"))!.measured).toContain("(50 %)");
    // quick mode: a share of the bare transport's rate, whatever the machine
    const quickSend = (rps: number) =>
      judgeBudgets({ notificationSend: measured({ rps, reference: { label: "the transport alone", rps: 400 } }) }, { quick: true });
    expect(verdictOf(quickSend(64), "Notification sending")).toBe("PASS");
    expect(verdictOf(quickSend(63), "Notification sending")).toBe("FAIL");
  });
});

describe("tables", () => {
  it("show the reference and the ratio next to the absolute figures", () => {
    const rows = [
      measured({ label: "learner home", rps: 640, p99: 60, cpuMs: 4.2, reference: session }),
      measured({ label: "cohort page", p50: 25, reference: sql(10) }),
      { label: "reminder sweep", load: "1 conn", available: false, note: "not built yet" },
    ];
    const md = markdownTable(rows);
    expect(md).toContain("session API: 1000 req/s, p99 40.0 ms | 64 % req/s, p99 ×1.50");
    expect(md).toContain("its SQL: p50 10.0 ms | p50 ×2.50");
    expect(md).toContain("| 4.2 |");
    expect(md).toContain("not built yet");
    expect(textTable(rows).split("\n")).toHaveLength(5);
  });
});

describe("samples", () => {
  it("take percentiles by rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(values, 0.5), percentile(values, 0.95), percentile(values, 0.99)]).toEqual([50, 95, 99]);
    expect(percentile([7], 0.99)).toBe(7);
  });

  it("pool rounds into one figure", () => {
    const merged = mergeSamples([
      { latencies: [1, 2], seconds: 1, statuses: { 200: 2 }, errors: 0 },
      { latencies: [3, 4], seconds: 1, statuses: { 200: 1, 500: 1 }, errors: 1 },
    ]);
    expect(merged.statuses).toEqual({ 200: 3, 500: 1 });
    expect(summarize(merged)).toMatchObject({ requests: 4, rps: 2, p50: 2, p99: 4, errors: 1 });
  });
});
