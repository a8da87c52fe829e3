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
import { seedDemo } from "../lib/demo/seed";

const port = process.env.E2E_PORT ?? "3100";
const base = process.env.TEST_DATABASE_URL;
const cleanups: (() => Promise<void> | void)[] = [];

async function main() {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: process.env.E2E_NEXTAUTH_SECRET ?? randomBytes(32).toString("base64"),
    COHORT_DEMO: "1",
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-e2e",
  };
  if (base) {
    const name = process.env.E2E_DB_NAME ?? `cohort_e2e_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
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
  await closeDb();

  const child = spawn("npx", ["next", "start", "-p", port, "-H", "127.0.0.1"], { stdio: "inherit", env });
  const stop = async () => {
    child.kill("SIGTERM");
    for (const c of cleanups.reverse()) await c();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  child.on("exit", async (code) => {
    for (const c of cleanups.reverse()) await c();
    process.exit(code ?? 1);
  });
}

main().catch(async (e) => {
  console.error(`e2e server failed: ${(e as Error).message}`);
  for (const c of cleanups.reverse()) await c();
  process.exit(1);
});
