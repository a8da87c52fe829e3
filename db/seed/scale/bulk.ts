import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PGlite, Transaction as PgliteTx } from "@electric-sql/pglite";
import type { Sql, TransactionSql } from "postgres";
import type { Db } from "@/db/client";

/**
 * A connection the scale seed loads rows through with COPY, on PostgreSQL
 * (postgres-js streams to `COPY … FROM STDIN`) or on PGlite (`COPY … FROM
 * '/dev/blob'`, in batches), inside one transaction.
 */
export type BulkSession = {
  query<T extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** COPY text-format lines (see `row`) into table(columns); returns the number of rows. */
  copy(table: string, columns: readonly string[], lines: Iterable<string>): Promise<number>;
};

type Client = { kind: "postgres"; sql: Sql } | { kind: "pglite"; pg: PGlite };

export function bulkClientOf(db: Db, kind: "postgres" | "pglite"): Client {
  const raw = (db as unknown as { $client: unknown }).$client;
  return kind === "postgres" ? { kind, sql: raw as Sql } : { kind, pg: raw as PGlite };
}

/** Run `fn` in one transaction: a failure leaves no rows behind. */
export async function inBulkTransaction<T>(client: Client, fn: (s: BulkSession) => Promise<T>): Promise<T> {
  if (client.kind === "postgres") {
    return client.sql.begin((tx) => fn(postgresSession(tx))) as Promise<T>;
  }
  return client.pg.transaction((tx) => fn(pgliteSession(tx)));
}

/**
 * Drop a table's foreign keys, secondary indexes, and the primary key or
 * unique constraints no foreign key depends on, before a bulk load; the
 * returned function puts them back. One sorted build per index and one
 * validating join per foreign key are much cheaper than an index insert
 * (at a random place, with uuid keys) and a foreign-key check per row.
 */
export async function deferIndexesAndChecks(s: BulkSession, table: string): Promise<() => Promise<void>> {
  const fks = await s.query<{ name: string; def: string }>(
    `select conname as name, pg_get_constraintdef(oid) as def from pg_constraint c
     where conrelid = $1::regclass and (contype = 'f' or (contype in ('p', 'u')
       and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = c.conindid)))
     order by contype desc`,
    [table],
  );
  const indexes = await s.query<{ name: string; def: string }>(
    `select i.relname as name, pg_get_indexdef(i.oid) as def from pg_index x join pg_class i on i.oid = x.indexrelid
     where x.indrelid = $1::regclass and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`,
    [table],
  );
  for (const f of fks) await s.query(`alter table ${table} drop constraint "${f.name}"`);
  for (const i of indexes) await s.query(`drop index "${i.name}"`);
  return async () => {
    for (const i of indexes) await s.query(i.def);
    for (const f of fks) await s.query(`alter table ${table} add constraint "${f.name}" ${f.def}`);
  };
}

/** Lines joined into chunks of about 256 KB: one write per chunk, not per row. */
function* chunks(lines: Iterable<string>, counter: { n: number }, maxChars = 256 * 1024) {
  let buf: string[] = [];
  let size = 0;
  for (const line of lines) {
    buf.push(line);
    size += line.length;
    counter.n++;
    if (size >= maxChars) {
      yield buf.join("");
      buf = [];
      size = 0;
    }
  }
  if (buf.length) yield buf.join("");
}

const copySql = (table: string, columns: readonly string[], from: string) =>
  `copy ${table} (${columns.map((c) => `"${c}"`).join(", ")}) from ${from}`;

function postgresSession(tx: TransactionSql): BulkSession {
  return {
    async query<T extends Record<string, unknown>>(text: string, params: unknown[] = []) {
      return (await tx.unsafe(text, params as never[])) as unknown as T[];
    },
    async copy(table, columns, lines) {
      const counter = { n: 0 };
      const stream = await tx.unsafe(copySql(table, columns, "stdin")).writable();
      await pipeline(Readable.from(chunks(lines, counter)), stream);
      return counter.n;
    },
  };
}

function pgliteSession(tx: PgliteTx): BulkSession {
  return {
    async query<T extends Record<string, unknown>>(text: string, params: unknown[] = []) {
      return (await tx.query<T>(text, params)).rows;
    },
    async copy(table, columns, lines) {
      const counter = { n: 0 };
      // PGlite reads a COPY from one in-memory blob; batches keep each one small
      for (const chunk of chunks(lines, counter, 4 * 1024 * 1024)) {
        await tx.query(copySql(table, columns, "'/dev/blob'"), [], { blob: new Blob([chunk]) });
      }
      return counter.n;
    },
  };
}

// ---------------------------------------------------------------- COPY text format

/** A jsonb value (arrays are otherwise written as text[]). */
class Json {
  constructor(readonly value: unknown) {}
}
export const json = (value: unknown) => new Json(value);

type Cell = string | number | boolean | Date | null | undefined | readonly string[] | Json;

function escapeText(s: string) {
  return s.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

function arrayLiteral(items: readonly string[]) {
  return `{${items.map((i) => `"${i.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}

function cell(v: Cell): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v === "string") return escapeText(v);
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "t" : "f";
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Json) return escapeText(JSON.stringify(v.value));
  return escapeText(arrayLiteral(v));
}

/** One COPY text-format line: null as \\N, dates as ISO strings, string[] as text[], json(x) as JSON. */
export function row(...cells: Cell[]): string {
  let out = cell(cells[0]);
  for (let i = 1; i < cells.length; i++) out += "\t" + cell(cells[i]);
  return out + "\n";
}
