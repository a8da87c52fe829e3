/**
 * The server the end-to-end tests run against: a fresh database (a throwaway
 * PostgreSQL database when TEST_DATABASE_URL is set, else a temporary
 * embedded one), migrated and seeded with the demo data, then `next start`
 * on the built app. Everything is removed when the tests stop it.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { closeDb, dbKind, getDb } from "../db/client";
import { migrateDb } from "../db/migrate";
import { seedDemo } from "../db/seed/demo/seed";
import { seedAdminFixtures } from "../e2e/admin-fixtures";

const port = process.env.E2E_PORT ?? "3100";
const base = process.env.TEST_DATABASE_URL;
const cleanups: (() => Promise<void> | void)[] = [];

/** Databases of earlier e2e servers that were killed before they could drop them. */
async function dropOrphans(admin: postgres.Sql) {
  const rows = await admin<{ datname: string }[]>`select datname from pg_database where datname like 'cohort_e2e_%'`;
  for (const { datname } of rows) {
    const pid = Number(/^cohort_e2e_(\d+)_/.exec(datname)?.[1]);
    let alive = false;
    try {
      if (pid) process.kill(pid, 0);
      alive = Boolean(pid);
    } catch {
      alive = false;
    }
    if (!alive) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
  }
}

async function main() {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    // shared with the test workers (forged-cookie tests) through the Playwright config
    NEXTAUTH_SECRET: process.env.E2E_NEXTAUTH_SECRET ?? randomBytes(32).toString("base64"),
    COHORT_DEMO: "1",
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-e2e",
    // as if behind one reverse proxy: a test that stands for another client
    // sends X-Forwarded-For (its own throttling bucket, its own audit address);
    // without the header the client is the socket, as with the default 0
    TRUSTED_PROXY_HOPS: "1",
  };
  if (base) {
    // named by the Playwright runner, whose workers read it too; it carries the runner's pid
    const name = process.env.E2E_DB_NAME ?? `cohort_e2e_${process.pid}_${randomBytes(3).toString("hex")}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await dropOrphans(admin);
    await admin.unsafe(`create database "${name}"`);
    cleanups.push(async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    });
    const u = new URL(base);
    u.pathname = `/${name}`;
    env.DATABASE_URL = process.env.DATABASE_URL = u.toString();
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cohort-e2e-"));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    env.COHORT_DATA_DIR = process.env.COHORT_DATA_DIR = dir;
    delete env.DATABASE_URL;
    delete process.env.DATABASE_URL;
  }
  await migrateDb(getDb(), dbKind());
  await seedDemo(getDb());
  await seedAdminFixtures(getDb());
  await closeDb();

  // next directly, not through npx, so that SIGTERM reaches the server itself.
  // Keep-alive longer than any test: with Node's 5 s default, a busy machine
  // lets the server close an idle connection just as Playwright reuses it (ECONNRESET).
  const args = ["start", "-p", port, "-H", "127.0.0.1", "--keepAliveTimeout", "600000"];
  const child = spawn(process.execPath, [require.resolve("next/dist/bin/next"), ...args], {
    stdio: "inherit",
    env,
  });
  const exited = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
  const stop = async () => {
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    await cleanup();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  const code = await exited;
  await cleanup();
  process.exit(code);
}

let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  for (const c of [...cleanups].reverse()) await c();
}

main().catch(async (e) => {
  console.error(`e2e server failed: ${(e as Error).message}`);
  await cleanup();
  process.exit(1);
});
