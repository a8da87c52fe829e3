/**
 * The benchmark's PostgreSQL database: BENCH_DATABASE_URL, or `cohort_bench`
 * (`cohort_bench_quick` in quick mode) created on BENCH_SERVER_URL /
 * TEST_DATABASE_URL / the local server. It is kept between runs (seeding
 * 100,000 learners takes a minute or two); `--fresh` drops and recreates it.
 * `--throwaway` (CI) makes one of its own instead, `<name>_<pid>`, seeds it and
 * drops it again when the run ends, also after a failure or Ctrl-C.
 *
 * The process's database handle (getDb) is a drizzle instance whose logger
 * can capture the statements report functions send (the SQL references, ./sql.ts).
 */
import fs from "node:fs";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { execRows, setDb, type Db } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import * as schema from "@/db/schema";
import { publishBuiltInModules } from "@/lib/learning/module/publish";
import { seedScale } from "@/db/seed/scale/seed";

export type Captured = { query: string; params: unknown[] };

export type BenchDb = {
  url: string;
  db: Db;
  client: postgres.Sql;
  /** while set, statements sent through getDb() are recorded here */
  capture: { into: Captured[] | null };
  learners: number;
  /** seconds the scale seed took, when this run seeded the database */
  seedSeconds: number | null;
  /** drop the database if this run made it to throw away (--throwaway); safe to call more than once */
  dropThrowaway: () => Promise<void>;
};

/** The throwaway database of this run, for the exit paths that never got a BenchDb back. */
let throwaway: { server: string; name: string } | null = null;

/** Drop this run's throwaway database, if it made one (closes the process's connections to it first). */
export async function dropThrowawayDatabase(log: (s: string) => void = () => {}) {
  const t = throwaway;
  if (!t) return;
  throwaway = null;
  const admin = postgres(t.server, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${t.name}" with (force)`);
    log(`dropped the throwaway database ${t.name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** Is the benchmark run of this pid still going on this machine? */
function benchAlive(pid: number) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("bench");
  } catch {
    return false;
  }
}

const DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres";

function withDatabase(base: string, name: string) {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function prepareBenchDatabase(opts: {
  name: string;
  learners: number;
  fresh: boolean;
  /** make a database of this run's own and drop it at the end (CI: nothing is left behind) */
  throwaway?: boolean;
  log: (s: string) => void;
}): Promise<BenchDb> {
  let url = process.env.BENCH_DATABASE_URL;
  if (url && opts.throwaway) throw new Error("--throwaway makes its own database; unset BENCH_DATABASE_URL.");
  if (!url) {
    const server = process.env.BENCH_SERVER_URL ?? process.env.TEST_DATABASE_URL ?? DEFAULT_SERVER;
    const name = opts.throwaway ? `${opts.name}_${process.pid}` : opts.name;
    if (opts.throwaway) throwaway = { server, name };
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    try {
      if (opts.fresh) await admin.unsafe(`drop database if exists "${name}" with (force)`);
      if (opts.throwaway) {
        // a run killed outright (SIGKILL, a whole process group interrupted) could not drop its own: do it now
        const left = await admin`select datname from pg_database where starts_with(datname, ${opts.name})`;
        for (const { datname } of left) {
          const m = /^(.*)_(\d+)$/.exec(datname);
          const pid = m && m[1] === opts.name ? Number(m[2]) : 0;
          if (!pid || benchAlive(pid)) continue;
          await admin.unsafe(`drop database if exists "${datname}" with (force)`);
          opts.log(`dropped ${datname}, left behind by an earlier run`);
        }
      }
      const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
      if (!exists) {
        await admin.unsafe(`create database "${name}"`);
        opts.log(`created database ${name}`);
      }
    } finally {
      await admin.end({ timeout: 5 });
    }
    url = withDatabase(server, name);
  } else if (opts.fresh) {
    throw new Error("--fresh only applies to the database the benchmark creates; empty BENCH_DATABASE_URL yourself.");
  }
  // the app server and anything using getDb() in this process talk to it
  process.env.DATABASE_URL = url;

  // as many connections as the app's pool (DATABASE_POOL_SIZE, default 10): the SQL references run at the page's concurrency
  const client = postgres(url, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), onnotice: () => {} });
  const capture: BenchDb["capture"] = { into: null };
  const db = drizzle(client, {
    schema,
    logger: { logQuery: (query, params) => capture.into?.push({ query, params }) },
  }) as unknown as Db;
  setDb(db, "postgres", () => client.end({ timeout: 5 }));

  await migrateDb(db, "postgres");
  await publishBuiltInModules(db);
  const [{ real, learners }] = await execRows<{ real: number; learners: number }>(
    db,
    sql`select count(*) filter (where not is_seed)::int as real, count(*) filter (where role = 'learner')::int as learners from users`,
  );
  if (real > 0)
    throw new Error(`The benchmark database has ${real} real (non-seed) users; point BENCH_DATABASE_URL at a scratch database.`);

  let seedSeconds: number | null = null;
  if (learners === 0) {
    opts.log(`seeding ${opts.learners.toLocaleString("en")} learners (npm run db:seed:scale)…`);
    const result = await seedScale({ db, kind: "postgres", learners: opts.learners, log: (l) => opts.log(`  ${l}`) });
    if (result.status === "seeded") {
      seedSeconds = result.seconds;
      opts.log(`seeded in ${result.seconds.toFixed(1)} s`);
    }
  } else if (learners !== opts.learners) {
    opts.log(`note: the database holds ${learners.toLocaleString("en")} learners (BENCH_LEARNERS=${opts.learners}); use --fresh to reseed`);
  }
  const [{ n }] = await execRows<{ n: number }>(db, sql`select count(*)::int as n from users where role = 'learner'`);
  return { url, db, client, capture, learners: n, seedSeconds, dropThrowaway: () => dropThrowawayDatabase(opts.log) };
}
