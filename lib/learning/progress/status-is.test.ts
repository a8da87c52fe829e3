import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { execRows } from "@/db/client";
import { setupTestDb } from "@/db/test/test-db";
import { statuses, statusIsSql, statusSql } from "./status";

const t = setupTestDb();

describe("statusIsSql", () => {
  it("selects exactly the rows statusSql gives that status, edges included", async () => {
    const now = sql`'2026-03-15T12:00:00Z'::timestamptz`;
    const times = ["2026-03-01T00:00:00Z", "2026-03-15T12:00:00Z", "2026-03-30T00:00:00Z", null];
    // the learner's own due date (an extension) wins over the assignment's, either way round
    const overrides = [null, "2026-03-01T00:00:00Z", "2026-03-30T00:00:00Z"];
    const cases = times.flatMap((completed) =>
      times.flatMap((started) => times.slice(0, 3).flatMap((due) => overrides.map((override) => [completed, started, due, override]))),
    );
    const values = sql.join(
      cases.map(([c, s, d, o]) => sql`(${c}::timestamptz, ${s}::timestamptz, ${d}::timestamptz, ${o}::timestamptz)`),
      sql`, `,
    );
    const checks = sql.join(
      statuses.map((s) => sql`${statusIsSql(s, now)} as ${sql.identifier(s)}`),
      sql`, `,
    );
    const rows = await execRows<Record<string, unknown>>(
      t.db,
      sql`select ${statusSql(now)} as status, ${checks}
        from (values ${values}) as v(completed_at, started_at, due_at, due_at_override)
        cross join lateral (select v.completed_at, v.started_at, v.due_at_override) as assignment_progress
        cross join lateral (select v.due_at) as assignments`,
    );
    expect(rows).toHaveLength(cases.length);
    for (const row of rows) {
      for (const s of statuses) expect([row.status, s, row[s]]).toEqual([row.status, s, row.status === s]);
    }
    // every status occurs among the cases
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(statuses));
  });
});
