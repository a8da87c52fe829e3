/**
 * The database side of scripts/backup-restore-check.sh:
 *
 *   fill URL               migrate, load the demo data and learners with a full history
 *   compare SOURCE RESTORED  row counts of every table and sequence positions must match
 *   sign-in URL EMAIL      lib authenticate() against that database (password in CHECK_PASSWORD)
 */
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { closeDb, setDb, type Db } from "../db/client";
import { migrateDb } from "../db/migrate";
import * as schema from "../db/schema";
import { seedDemo } from "../db/seed/demo/seed";

function openDatabase(url: string): { db: Db; client: postgres.Sql } {
  const client = postgres(url, { max: 2, onnotice: () => {} });
  const db = drizzle(client, { schema });
  setDb(db, "postgres", () => client.end({ timeout: 5 }));
  return { db, client };
}

async function fill(url: string) {
  const { db } = openDatabase(url);
  await migrateDb(db, "postgres");
  await seedDemo(db);
  const { makeLearnerWithHistory } = await import("../db/test/prod-factories");
  const { authenticate } = await import("../lib/accounts/sign-in");
  for (let i = 0; i < 3; i++) await makeLearnerWithHistory({ name: `Backup Learner ${i + 1}` });
  await authenticate({ email: "admin@demo.cohort", password: "cohort-demo-2026", ip: "192.0.2.10" });
  await closeDb();
}

/** Every table outside the system schemas, with its row count; every sequence with its position. */
async function inventory(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const tables = await sql<{ schema: string; name: string }[]>`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
    order by 1, 2`;
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await sql`select count(*)::int as n from ${sql(t.schema)}.${sql(t.name)}`;
    counts[`${t.schema}.${t.name}`] = row.n as number;
  }
  const seqs = await sql<{ name: string; last: string | null }[]>`
    select schemaname || '.' || sequencename as name, last_value::text as last from pg_sequences
    where schemaname not in ('pg_catalog', 'information_schema') order by 1`;
  await sql.end();
  return { counts, sequences: Object.fromEntries(seqs.map((s) => [s.name, s.last])) };
}

async function compare(source: string, restored: string) {
  const a = await inventory(source);
  const b = await inventory(restored);
  const names = [...new Set([...Object.keys(a.counts), ...Object.keys(b.counts)])].sort();
  let ok = names.length > 0;
  console.log(`  ${"table".padEnd(40)} ${"source".padStart(8)} ${"restored".padStart(9)}`);
  for (const n of names) {
    const same = a.counts[n] === b.counts[n];
    ok &&= same;
    console.log(
      `  ${n.padEnd(40)} ${String(a.counts[n] ?? "-").padStart(8)} ${String(b.counts[n] ?? "-").padStart(9)}${same ? "" : "   MISMATCH"}`,
    );
  }
  for (const s of Object.keys(a.sequences)) {
    const same = a.sequences[s] === b.sequences[s];
    ok &&= same;
    if (!same) console.log(`  sequence ${s}: source ${a.sequences[s]}, restored ${b.sequences[s]}   MISMATCH`);
  }
  const rows = Object.values(a.counts).reduce((x, y) => x + y, 0);
  console.log(
    `  ${names.length} tables, ${rows} rows, ${Object.keys(a.sequences).length} sequences: ${ok ? "identical counts" : "DIFFERENT"}`,
  );
  if (!ok) process.exitCode = 1;
}

async function signIn(url: string, email: string) {
  const password = process.env.CHECK_PASSWORD;
  if (!password) throw new Error("CHECK_PASSWORD is not set");
  openDatabase(url);
  const { authenticate } = await import("../lib/accounts/sign-in");
  const { resolveSession } = await import("../lib/accounts/sessions");
  const r = await authenticate({ email, password, ip: "192.0.2.99" });
  const session = r.ok ? await resolveSession({ uid: r.user.id, sid: r.sessionId, sv: r.user.sessionVersion }) : null;
  const wrong = await authenticate({ email, password: `${password}-not`, ip: "192.0.2.98" });
  await closeDb();
  const ok = r.ok && session?.email === email && !wrong.ok;
  console.log(
    `  sign-in as ${email} on the restored database: ${r.ok ? `accepted (${r.user.role}), session resolves` : `refused (${r.reason})`}; a wrong password is ${wrong.ok ? "ACCEPTED" : "refused"}`,
  );
  if (!ok) process.exitCode = 1;
}

const [cmd, ...rest] = process.argv.slice(2);
const run =
  cmd === "fill"
    ? fill(rest[0])
    : cmd === "compare"
      ? compare(rest[0], rest[1])
      : cmd === "sign-in"
        ? signIn(rest[0], rest[1])
        : Promise.reject(new Error(`unknown command ${cmd}`));
run.catch((e) => {
  console.error(`backup-verify ${cmd}: ${(e as Error).message}`);
  process.exit(1);
});
