/**
 * `npx tsx scripts/bench-item-analysis.ts [--learners 8000] [--runs 5] [--postgres postgres://…/postgres]`
 *
 * How long /admin/item-analysis's loader takes over the scale dataset: a
 * throwaway database (in-memory PGlite, or with --postgres a new database on
 * that server, dropped at the end), the scale seed with that many learners,
 * then getItemAnalysis timed `runs` times after one warm-up. Run it under the
 * heavy-job lock (flock /tmp/heavy.lock nice -n 10 …): it is a benchmark.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { closeDb, execRows, setDb, type Db } from "../db/client";
import { migrateDb } from "../db/migrate";
import * as schema from "../db/schema";
import { seedScale } from "../db/seed/scale/seed";
import { getItemAnalysis } from "../lib/reports/item-analysis";
import { countedAttemptSql } from "../lib/learning/quiz/counted";

async function open(base: string | undefined): Promise<{ db: Db; kind: "postgres" | "pglite"; drop: () => Promise<void> }> {
  if (!base) {
    const client = new PGlite();
    return { db: drizzlePglite(client, { schema }) as unknown as Db, kind: "pglite", drop: () => client.close() };
  }
  const name = `cohort_ia_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const client = postgres(url.toString(), { max: 5, onnotice: () => {} });
  return {
    db: drizzlePostgres(client, { schema }),
    kind: "postgres",
    drop: async () => {
      await client.end({ timeout: 5 });
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

async function main() {
  const { values } = parseArgs({
    options: { learners: { type: "string", default: "8000" }, runs: { type: "string", default: "5" }, postgres: { type: "string" } },
  });
  const { db, kind, drop } = await open(values.postgres);
  setDb(db, kind, async () => {});
  try {
    await migrateDb(db, kind);
    const seeded = await seedScale({ db, kind, learners: Number(values.learners) });
    const [counts] = await execRows<{ attempts: number; responses: number }>(
      db,
      sql`select (select count(*)::int from ${schema.quizAttempts} where ${countedAttemptSql()}) as attempts,
        (select count(*)::int from quiz_responses) as responses`,
    );
    if (kind === "postgres") await db.execute(sql`analyze`);
    const [admin] = await execRows<{ id: string }>(db, sql`select id from users where role = 'admin' limit 1`);
    const actor = { id: admin.id, role: "admin" as const };
    await getItemAnalysis({ actor }); // warm-up: module versions cached, plans made
    const times: number[] = [];
    let items = 0;
    for (let i = 0; i < Number(values.runs); i++) {
      const t = performance.now();
      const versions = await getItemAnalysis({ actor });
      times.push(performance.now() - t);
      items = versions.reduce((n, v) => n + v.items.filter((x) => x.responses > 0).length, 0);
    }
    times.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        kind,
        learners: Number(values.learners),
        seedSeconds: seeded.status === "seeded" ? seeded.seconds : null,
        countedAttempts: counts.attempts,
        responses: counts.responses,
        itemsWithResponses: items,
        runsMs: times.map((t) => Math.round(t)),
        medianMs: Math.round(times[Math.floor(times.length / 2)]),
      }),
    );
  } finally {
    await closeDb();
    await drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
