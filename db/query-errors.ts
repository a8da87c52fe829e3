/**
 * A failed query must not carry its data into the error log.
 *
 * drizzle's DrizzleQueryError puts every bound parameter in its message
 * ("params: …"), and PostgreSQL's own error adds the failing row to `detail`
 * for constraint violations. Next.js logs uncaught errors whole, so a
 * reflection with a NUL character, or a user row that failed a check,
 * ended up in the server log with its text or password hash. Every query
 * error is replaced by one that keeps what is needed to debug (the SQL with
 * its $n placeholders, the SQLSTATE code, the constraint, the server's
 * one-line message) and none of the values.
 */
import { PgPreparedQuery } from "drizzle-orm/pg-core";

export class QueryError extends Error {
  readonly query: string;
  readonly code?: string;
  readonly constraint?: string;
  constructor(query: string, cause: { code?: string; constraint?: string; constraint_name?: string; message?: string } | undefined) {
    const reason = (cause?.message ?? "unknown error").split("\n")[0].slice(0, 200);
    super(`Failed query (${cause?.code ?? "no code"}): ${reason}\nquery: ${query.slice(0, 2000)}`);
    this.name = "QueryError";
    this.query = query;
    this.code = cause?.code;
    this.constraint = cause?.constraint ?? cause?.constraint_name;
  }
}

export function redactQueryError(e: unknown): unknown {
  if (!(e instanceof Error) || !("query" in e) || !("params" in e)) return e;
  const cause = (e as { cause?: unknown }).cause as ConstructorParameters<typeof QueryError>[1];
  return new QueryError(String((e as { query: unknown }).query), cause);
}

const patched = Symbol.for("cohort.redacted-query-errors");

/** Route every query's failure through redactQueryError (idempotent; per copy of drizzle-orm). */
export function redactQueryErrors() {
  const proto = PgPreparedQuery.prototype as unknown as Record<symbol | string, unknown> & {
    queryWithCache: (...args: unknown[]) => Promise<unknown>;
  };
  if (proto[patched]) return;
  const original = proto.queryWithCache;
  proto.queryWithCache = async function (this: unknown, ...args: unknown[]) {
    try {
      return await original.apply(this, args);
    } catch (e) {
      throw redactQueryError(e);
    }
  };
  proto[patched] = true;
}
