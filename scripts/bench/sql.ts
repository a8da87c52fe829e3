/**
 * A page's SQL alone, the reference its page time is judged against.
 *
 * The statements come from running the same lib/ loaders the page runs
 * (scripts/bench-queries.ts), captured from getDb()'s logger, phase by phase:
 * the statements of one phase were sent side by side (Promise.all in the
 * page), phases one after the other. A statement repeated with the same
 * parameters is kept once (outside a React render, the per-request cache of
 * e.g. the cohort scope check does not dedupe, so the capture sees it once
 * per loader; the page runs it once).
 *
 * `replay` sends them again the same way, as named prepared statements,
 * through the benchmark's own connection pool, and answers the wall time:
 * round trips, planning and execution, rows received and parsed; no HTTP,
 * no session, no rendering. `explain` writes EXPLAIN ANALYZE plans and sums
 * the server-side planning + execution time, for reading, not for budgets.
 */
import fs from "node:fs";
import path from "node:path";
import { is, SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { BenchDb, Captured } from "./database";

const dialect = new PgDialect();

export type Phase = { name: string; statements: Captured[] };
export type PhaseFn = <T>(name: string, run: () => Promise<T>) => Promise<T>;

const isRead = (q: string) => /^\s*(select|with)\b/i.test(q);

/**
 * Run `run` with statement capture on; answers its phases with their read
 * statements, duplicates removed. SQL objects it returns (statements sent
 * outside getDb(), such as the export's cursor) form a last phase.
 */
export async function capturePhases(bench: BenchDb, run: (phase: PhaseFn) => unknown): Promise<Phase[]> {
  const phases: Phase[] = [{ name: "start", statements: [] }];
  bench.capture.into = phases[0].statements;
  const phase: PhaseFn = async (name, fn) => {
    const p: Phase = { name, statements: [] };
    phases.push(p);
    bench.capture.into = p.statements;
    try {
      return await fn();
    } finally {
      bench.capture.into = phases[0].statements;
    }
  };
  try {
    const returned = await run(phase);
    if (Array.isArray(returned) && returned.length && returned.every((q) => is(q, SQL))) {
      phases.push({
        name: "outside getDb()",
        statements: returned.map((q: SQL) => {
          const { sql, params } = dialect.sqlToQuery(q);
          return { query: sql, params };
        }),
      });
    }
  } finally {
    bench.capture.into = null;
  }
  const seen = new Set<string>();
  return phases
    .map((p) => ({
      name: p.name,
      statements: p.statements.filter((s) => {
        const key = `${s.query}\u0000${JSON.stringify(s.params)}`;
        if (!isRead(s.query) || seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
    }))
    .filter((p) => p.statements.length);
}

export const statementCount = (phases: Phase[]) => phases.reduce((n, p) => n + p.statements.length, 0);

/** One pass over the phases, as the page sends them; answers the wall time in ms. */
export async function replay(bench: BenchDb, phases: Phase[]): Promise<number> {
  const t0 = performance.now();
  for (const p of phases) {
    await Promise.all(p.statements.map((s) => bench.client.unsafe(s.query, s.params as never[], { prepare: true })));
  }
  return performance.now() - t0;
}

/**
 * `concurrency` loops of `replay` for `seconds`: the page's SQL under the
 * same load as the page. Answers the latencies of every pass.
 */
export async function replayLoad(bench: BenchDb, phases: Phase[], concurrency: number, seconds: number) {
  const latencies: number[] = [];
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) latencies.push(await replay(bench, phases));
    }),
  );
  return { latencies, seconds: (performance.now() - t0) / 1000, statuses: { sql: latencies.length }, errors: 0 };
}

/**
 * Server-side planning + execution of every statement under
 * EXPLAIN (ANALYZE, TIMING OFF), summed, median of three rounds; plans
 * with buffers go to `plansDir/<name>.txt`.
 */
export async function explain(bench: BenchDb, name: string, phases: Phase[], plansDir: string): Promise<number> {
  const statements = phases.flatMap((p) => p.statements);
  const rounds: number[] = [];
  for (let round = 0; round < 3; round++) {
    let total = 0;
    for (const s of statements) {
      const [row] = await bench.client.unsafe(`explain (analyze, timing off, format json) ${s.query}`, s.params as never[]);
      const plan = (row["QUERY PLAN"] as { "Planning Time": number; "Execution Time": number }[])[0];
      total += plan["Planning Time"] + plan["Execution Time"];
    }
    rounds.push(total);
  }
  fs.mkdirSync(plansDir, { recursive: true });
  const texts: string[] = [];
  for (const p of phases) {
    for (const s of p.statements) {
      const rows = await bench.client.unsafe(`explain (analyze, buffers) ${s.query}`, s.params as never[]);
      texts.push(`-- phase: ${p.name}\n${s.query.trim()}\n-- params: ${JSON.stringify(s.params)}\n\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}\n`);
    }
  }
  fs.writeFileSync(path.join(plansDir, `${name}.txt`), texts.join("\n" + "-".repeat(80) + "\n\n"));
  rounds.sort((a, b) => a - b);
  return rounds[1];
}

/**
 * The CSV export's reference: its query alone, through a server-side cursor
 * on a reserved connection with the same work_mem and batch size as the
 * route, each batch written to /dev/null as plain text (values joined, no
 * quoting, no CSV library, no HTTP). Answers the wall time in ms and rows.
 */
export async function cursorToDevNull(bench: BenchDb, query: SQL, opts: { batchSize: number; workMem: string }) {
  const { sql, params } = dialect.sqlToQuery(query);
  const out = fs.createWriteStream("/dev/null");
  const t0 = performance.now();
  let rows = 0;
  const connection = await bench.client.reserve();
  try {
    await connection.unsafe(`set work_mem = '${opts.workMem}'`);
    for await (const batch of connection.unsafe<Record<string, unknown>[]>(sql, params as never[]).cursor(opts.batchSize)) {
      rows += batch.length;
      let text = "";
      for (const row of batch) text += Object.values(row).join(",") + "\n";
      if (!out.write(text)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
  } finally {
    await connection.unsafe("reset work_mem").catch(() => {});
    connection.release();
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return { ms: performance.now() - t0, rows };
}
