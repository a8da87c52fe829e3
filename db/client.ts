/**
 * The one database handle of this process.
 *
 * - DATABASE_URL set: PostgreSQL through the `postgres` driver (how Cohort is deployed).
 * - Not set: embedded PGlite persisted in COHORT_DATA_DIR (default `.data/`).
 *
 * The handle lives on globalThis because Next.js gives pages and route
 * handlers separate module copies, and two PGlite instances on one folder
 * silently lose writes. Nothing connects at import time.
 */
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { redactQueryErrors } from "./query-errors";
import * as schema from "./schema";

// a failed query's error (and so the server log) never carries the values it was given
redactQueryErrors();

export type Db = PostgresJsDatabase<typeof schema>;
/** The argument a transaction callback receives; accepted wherever a Db is. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

type Handle = {
  db: Db;
  kind: "postgres" | "pglite";
  close: () => Promise<void>;
  ready: Promise<void>;
};

const globalKey = Symbol.for("cohort.db");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Handle };
const g = globalThis as GlobalWithDb;

// db/ reads its own variables (it sits below lib/, whose env() validates them at
// start-up) and reads them when the database is opened, not at import: scripts
// set DATABASE_URL while running (see lib/platform/env.ts).
export function dataDir(): string {
  return path.resolve(process.env.COHORT_DATA_DIR ?? ".data");
}

export function isEmbedded(): boolean {
  return !process.env.DATABASE_URL;
}

export class DatabaseLockedError extends Error {}

function lockFile(dir: string) {
  return path.join(dir, "pglite.lock");
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Take the embedded folder's lock, or refuse if another live process holds it. */
function takeLock(dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  const file = lockFile(dir);
  try {
    const held = Number(fs.readFileSync(file, "utf8").trim());
    if (held && held !== process.pid && pidAlive(held)) {
      throw new DatabaseLockedError(
        `The embedded database in ${dir} is in use by another process (pid ${held}). Stop it first (for example the running app), or set DATABASE_URL to use PostgreSQL.`,
      );
    }
  } catch (e) {
    if (e instanceof DatabaseLockedError) throw e;
  }
  fs.writeFileSync(file, String(process.pid));
  const release = () => {
    try {
      if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.unlinkSync(file);
    } catch {
      /* already gone */
    }
  };
  process.once("exit", release);
  return release;
}

function openPostgres(url: string): Handle {
  const client = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // Fail fast while the server is down instead of hanging requests
    // (measured by `npm run fault:db-restart`): a connection attempt gives up
    // after 3 s, and the pause before the next attempt stays under half a
    // second. The driver's default pause grows to 20 s during an outage, and
    // every request queued behind it waits that long, also after the server
    // is back.
    connect_timeout: 3,
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.5),
    idle_timeout: 30,
    onnotice: () => {},
  });
  return {
    db: drizzlePostgres(client, { schema }),
    kind: "postgres",
    close: () => client.end({ timeout: 5 }),
    ready: Promise.resolve(),
  };
}

function openPglite(dir: string): Handle {
  const release = takeLock(dir);
  const client = new PGlite(path.join(dir, "pglite"));
  return {
    // same query API; typed as the postgres-js flavour so callers see one type
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: "pglite",
    close: async () => {
      await client.close();
      release();
    },
    ready: client.waitReady,
  };
}

function handle(): Handle {
  let h = g[globalKey];
  if (!h) {
    const url = process.env.DATABASE_URL;
    h = url ? openPostgres(url) : openPglite(dataDir());
    g[globalKey] = h;
  }
  return h;
}

/** The process's database. Opens it on first use. */
export function getDb(): Db {
  return handle().db;
}

export function dbKind(): "postgres" | "pglite" {
  return handle().kind;
}

/** Install a handle made elsewhere (tests, scripts with their own connection). */
export function setDb(db: Db, kind: "postgres" | "pglite", close: () => Promise<void>) {
  g[globalKey] = { db, kind, close, ready: Promise.resolve() };
}

export async function closeDb() {
  const h = g[globalKey];
  if (h) {
    g[globalKey] = undefined;
    await h.close();
  }
}

const preparedByHandle = new WeakMap<object, Map<string, unknown>>();

/**
 * A query built once per database handle and shape, for what every view of
 * a page runs: `build` returns a drizzle `.prepare(name)`d query with
 * `sql.placeholder`s, which skips building the SQL again and, on
 * PostgreSQL, is a named prepared statement on each connection (parsed and
 * planned once). `shape` names whatever changes the SQL text (a sort
 * column, an optional filter), never a value.
 */
export function preparedOnce<T>(db: Db, shape: string, build: (db: Db) => T): T {
  let byShape = preparedByHandle.get(db);
  if (!byShape) preparedByHandle.set(db, (byShape = new Map()));
  let query = byShape.get(shape) as T | undefined;
  if (query === undefined) byShape.set(shape, (query = build(db)));
  return query;
}

/**
 * Rows of a raw `db.execute(sql\`...\`)`: postgres-js answers an array,
 * PGlite an object with `rows`. Use this instead of reading either shape.
 */
export async function execRows<T extends Record<string, unknown>>(db: DbOrTx, query: Parameters<Db["execute"]>[0]): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

const dialect = new PgDialect();

/**
 * As execRows, for a raw read that every view of a page sends: on
 * PostgreSQL a prepared statement on each connection, keyed by its text
 * (parsed once; planned once when PostgreSQL settles on a generic plan),
 * through drizzle's session so its logger still sees it. Use it only for
 * statements whose text comes from a bounded set of shapes (values as
 * parameters, never inlined): each text stays prepared on the connection.
 */
export async function execPreparedRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const prepared = db._.session.prepareQuery(dialect.sqlToQuery(query), undefined, "rows", false);
  const result = (await prepared.execute()) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
