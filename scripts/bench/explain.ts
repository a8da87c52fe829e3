/**
 * The time of a report's SQL alone: each statement it runs, under
 * EXPLAIN (ANALYZE, TIMING OFF), planning plus execution, summed; the median
 * of three rounds (warm cache). The text plans go to bench-results/plans/.
 */
import fs from "node:fs";
import path from "node:path";
import { is, SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { BenchDb, Captured } from "./database";

const dialect = new PgDialect();

async function statementsOf(bench: BenchDb, run: () => unknown): Promise<Captured[]> {
  bench.capture.into = [];
  try {
    const returned = await run();
    if (Array.isArray(returned) && returned.length && returned.every((q) => is(q, SQL))) {
      // statements sent outside getDb() (e.g. a cursor on a reserved connection), after those captured
      return [
        ...bench.capture.into,
        ...returned.map((q: SQL) => {
          const { sql, params } = dialect.sqlToQuery(q);
          return { query: sql, params };
        }),
      ];
    }
    return bench.capture.into;
  } finally {
    bench.capture.into = null;
  }
}

const isRead = (q: string) => /^\s*(select|with)\b/i.test(q);

export type SqlTiming = { ms: number; statements: number };

export async function timeSql(bench: BenchDb, name: string, run: () => unknown, plansDir: string): Promise<SqlTiming | null> {
  const statements = (await statementsOf(bench, run)).filter((s) => isRead(s.query));
  if (!statements.length) return null;
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
  for (const s of statements) {
    const rows = await bench.client.unsafe(`explain (analyze, buffers) ${s.query}`, s.params as never[]);
    texts.push(`${s.query.trim()}\n-- params: ${JSON.stringify(s.params)}\n\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}\n`);
  }
  fs.writeFileSync(path.join(plansDir, `${name}.txt`), texts.join("\n" + "-".repeat(80) + "\n\n"));
  rounds.sort((a, b) => a - b);
  return { ms: rounds[1], statements: statements.length };
}
