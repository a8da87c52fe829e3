/** The benchmark's one table, its budgets, and BENCHMARKS.md. */

export type Measured = {
  label: string;
  /** connections, or "1 (sequential)" */
  load: string;
  available: boolean;
  /** why a target was not measured, or extra facts (rows, memory growth) */
  note?: string;
  requests?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  rps?: number;
  errors?: number;
  peakRssMb?: number;
  rssGrowthMb?: number;
  rows?: number;
  sqlMs?: number | null;
  /** the SQL timed is a draft in scripts/bench-queries.ts, not the page's own */
  sqlDraft?: boolean;
  /** the route measured is a placeholder for the real page (scripts/bench-queries.ts) */
  placeholder?: string;
};

export type Verdict = "PASS" | "FAIL" | "not available";
export type BudgetResult = { budget: string; verdict: Verdict; measured: string };

const ms = (v?: number) => (v === undefined || Number.isNaN(v) ? "–" : v >= 100 ? v.toFixed(0) : v.toFixed(1));

/** Every budget of issue #7, judged on the measured rows (keyed as in bench.ts). */
export function judgeBudgets(rows: Record<string, Measured>): BudgetResult[] {
  const out: BudgetResult[] = [];
  const judge = (budget: string, row: Measured | undefined, pass: (r: Measured) => boolean | null, measured: (r: Measured) => string) => {
    if (!row || !row.available) return out.push({ budget, verdict: "not available", measured: row?.note ?? "not measured" });
    const ok = pass(row);
    const figure = measured(row) + (row.placeholder ? ` — placeholder page: ${row.placeholder}` : "");
    out.push({ budget, verdict: ok === null ? "not available" : ok ? "PASS" : "FAIL", measured: figure });
  };
  for (const key of ["organisationReport", "organisationReportFiltered"]) {
    const r = rows[key];
    judge(`${r?.label ?? key}: p50 ≤ 300 ms`, r, (x) => x.errors === 0 && x.p50! <= 300, (x) => `p50 ${ms(x.p50)} ms, ${x.errors} errors`);
    judge(
      `${r?.label ?? key}: p50 ≤ 2 × its SQL time`,
      r,
      (x) => (x.sqlMs && !x.sqlDraft ? x.p50! <= 2 * x.sqlMs : null),
      (x) =>
        !x.sqlMs
          ? "SQL not known"
          : x.sqlDraft
            ? "the SQL timed is a draft (scripts/bench-queries.ts), not this page's"
            : `p50 ${ms(x.p50)} ms vs SQL ${ms(x.sqlMs)} ms (×${(x.p50! / x.sqlMs).toFixed(2)})`,
    );
  }
  const e = rows.export;
  judge("CSV export of all rows ≤ 5 s", e, (x) => x.errors === 0 && x.p99! <= 5000, (x) => `slowest ${ms(x.p99)} ms for ${x.rows?.toLocaleString("en")} rows`);
  judge("CSV export: server memory growth ≤ 100 MB", e, (x) => x.rssGrowthMb! <= 100, (x) => `+${ms(x.rssGrowthMb)} MB`);
  judge("Cohort page (500 learners): p50 ≤ 100 ms", rows.cohortPage, (x) => x.errors === 0 && x.p50! <= 100, (x) => `p50 ${ms(x.p50)} ms, ${x.errors} errors`);
  judge(
    "Learner home: ≥ 200 req/s at 20 connections, p99 ≤ 150 ms, no errors",
    rows.learnerHome,
    (x) => x.rps! >= 200 && x.p99! <= 150 && x.errors === 0,
    (x) => `${x.rps!.toFixed(0)} req/s, p99 ${ms(x.p99)} ms, ${x.errors} errors`,
  );
  judge(
    "Quiz submission: p99 ≤ 200 ms at 20 connections, no errors",
    rows.quizSubmit,
    (x) => x.p99! <= 200 && x.errors === 0,
    (x) => `p99 ${ms(x.p99)} ms, ${x.errors} errors`,
  );
  return out;
}

const headers = ["target", "load", "requests", "p50 ms", "p95 ms", "p99 ms", "req/s", "errors", "peak RSS MB", "SQL ms", "page/SQL", "notes"];

function cells(r: Measured): string[] {
  const sqlCell = r.sqlMs ? `${ms(r.sqlMs)}${r.sqlDraft ? " (draft)" : ""}` : "–";
  if (!r.available) return [r.label, r.load, "–", "–", "–", "–", "–", "–", "–", sqlCell, "–", r.note ?? "not available"];
  return [
    r.label,
    r.load,
    String(r.requests ?? "–"),
    ms(r.p50),
    ms(r.p95),
    ms(r.p99),
    r.rps === undefined ? "–" : r.rps.toFixed(0),
    String(r.errors ?? "–"),
    r.peakRssMb === undefined ? "–" : r.peakRssMb.toFixed(0),
    sqlCell,
    r.sqlMs && r.p50 !== undefined && !r.sqlDraft ? (r.p50 / r.sqlMs).toFixed(2) : "–",
    [r.placeholder && "PLACEHOLDER PAGE", r.note].filter(Boolean).join("; "),
  ];
}

export function textTable(rows: Measured[]): string {
  const grid = [headers, ...rows.map(cells)];
  const widths = headers.map((_, i) => Math.max(...grid.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 || i === r.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(grid[0]), widths.map((w) => "-".repeat(w)).join("  "), ...grid.slice(1).map(line)].join("\n");
}

export function markdownTable(rows: Measured[]): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  return [
    `| ${headers.join(" | ")} |`,
    `|${headers.map((_, i) => (i === 0 || i === headers.length - 1 ? "---" : "---:")).join("|")}|`,
    ...rows.map((r) => `| ${cells(r).map(esc).join(" | ")} |`),
  ].join("\n");
}

export function budgetLines(budgets: BudgetResult[], markdown = false): string {
  return budgets.map((b) => (markdown ? `- **${b.verdict}** — ${b.budget} (${b.measured})` : `${b.verdict.padEnd(13)} ${b.budget}  [${b.measured}]`)).join("\n");
}

export type RunInfo = {
  date: string;
  commit: string;
  machine: string;
  load: string;
  postgres: string;
  dataset: string;
  settings: string;
};

export function benchmarksMarkdown(info: RunInfo, rows: Measured[], budgets: BudgetResult[]): string {
  return `# Benchmarks

<!-- Written by \`npm run bench\` (scripts/bench.ts). Do not edit by hand: run the benchmark again. -->

Cohort must stay fast at organisation scale. \`npm run bench\` measures it on PostgreSQL with 100,000 learners and
checks the budgets of issue #7.

## How to run

\`\`\`bash
npm install
npm run bench            # first run: creates cohort_bench on the local PostgreSQL and seeds 100,000 learners
npm run bench -- --no-build          # reuse the last build (.next-bench)
npm run bench -- --only learnerHome,quizSubmit --duration 5
npm run bench -- --fresh             # drop and reseed the benchmark database
\`\`\`

It needs a PostgreSQL server (\`BENCH_SERVER_URL\`, else \`TEST_DATABASE_URL\`, else
\`postgres://postgres@127.0.0.1:5432/postgres\`) on which it creates and keeps a database \`cohort_bench\`, or a
scratch database of your own in \`BENCH_DATABASE_URL\`. It migrates it, seeds it with the scale dataset when it has no
users (\`BENCH_LEARNERS\`, default 100000; the same seed as \`npm run db:seed:scale\`), builds the app into
\`.next-bench\`, starts \`next start\` on \`BENCH_PORT\` (default 3215), signs in an admin, the instructor of the
500-learner cohort and a pool of learners through the real sign-in endpoint, and drives each page with autocannon at a
fixed concurrency after a warm-up on the same route (a fresh server is several times slower for its first seconds). Server memory is the resident set of the \`next start\` process tree, sampled every
100 ms. "SQL ms" is the report's SQL alone (\`EXPLAIN (ANALYZE, TIMING OFF)\`, planning + execution, median of 3);
the statements come from \`scripts/bench-queries.ts\`, which names the page each target loads and the SQL behind it.
Plans and server logs go to \`bench-results/\`. A target whose route answers 404 is reported as not available. The
command exits 1 when a budget fails.

Budgets: organisation report p50 ≤ 300 ms and ≤ 2 × its SQL time; CSV export of all rows ≤ 5 s with server memory
growth ≤ 100 MB; cohort page (500 learners) p50 ≤ 100 ms; learner home ≥ 200 requests/s at 20 connections with
p99 ≤ 150 ms and no errors; quiz submission p99 ≤ 200 ms at 20 connections with no errors.

## Latest run

- Date: ${info.date}
- Commit: ${info.commit}
- Machine: ${info.machine}
- Load average: ${info.load}
- PostgreSQL: ${info.postgres}
- Dataset: ${info.dataset}
- Settings: ${info.settings}

${markdownTable(rows)}

${budgetLines(budgets, true)}
`;
}
