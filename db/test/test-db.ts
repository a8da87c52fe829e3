/**
 * A real, throwaway database for one test file.
 *
 * TEST_DATABASE_URL set (a PostgreSQL server): a new database is created from
 * a template migrated once per run (see global-setup.ts), then dropped.
 * Not set: an in-memory PGlite, migrated.
 *
 * `setupTestDb()` installs it as the process's database, so lib/ code under
 * test talks to it through getDb() exactly as it does in the app.
 */
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb, setDb, type Db } from "../client";
import { migrateDb } from "../migrate";
import * as schema from "../schema";

import "./global-setup-types";

export function serverUrlFor(base: string, database: string) {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createTestDb(): Promise<{ db: Db; kind: "postgres" | "pglite"; url?: string; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const name = `cohort_t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    const template = inject("templateDb");
    await admin.unsafe(`create database "${name}"${template ? ` template "${template}"` : ""}`);
    const url = serverUrlFor(base, name);
    const client = postgres(url, { max: 5, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema });
    if (!template) await migrateDb(db, "postgres");
    return {
      db,
      kind: "postgres",
      url,
      drop: async () => {
        await client.end({ timeout: 5 });
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end({ timeout: 5 });
      },
    };
  }
  const client = new PGlite();
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migrateDb(db, "pglite");
  return { db, kind: "pglite", drop: () => client.close() };
}

/** Call at the top of an integration test file. */
export function setupTestDb() {
  const state: { db?: Db } = {};
  beforeAll(async () => {
    const t = await createTestDb();
    setDb(t.db, t.kind, t.drop);
    state.db = t.db;
  });
  afterAll(async () => {
    await closeDb();
  });
  return {
    get db(): Db {
      if (!state.db) throw new Error("test database not ready: use it inside a test or hook");
      return state.db;
    },
  };
}
