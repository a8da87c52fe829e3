import { parse } from "csv-parse/sync";
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { dbKind } from "@/db/client";
import { auditLog, enrolments } from "@/db/schema";
import { PRIVATE_SENTENCE, SCENARIO_NOW, seedOrganisationScenario } from "@/db/test/admin-factories";
import { expectNotFound, readAll } from "@/db/test/admin-helpers";
import { makeUser } from "@/db/test/factories";
import { setupTestDb } from "@/db/test/test-db";
import { countOrganisationExportRows, exportFilename, exportHeader, streamOrganisationExport } from "./organisation-export";
import type { ReportFilters } from "./organisation-filters";

const t = setupTestDb();
const now = SCENARIO_NOW;
let s: Awaited<ReturnType<typeof seedOrganisationScenario>>;
let admin: { id: string; role: "admin"; email: string };
const f = (over: Partial<ReportFilters> = {}): ReportFilters => ({ sort: "name", dir: "asc", page: 1, ...over });

async function exportCsv(filters: ReportFilters, opts: { mode?: "cursor" | "keyset"; batchSize?: number } = {}) {
  const text = await readAll(streamOrganisationExport({ actor: admin, filters, now, ip: "10.1.1.1", ...opts }));
  const [header, ...rows] = parse(text) as string[][];
  return { text, header, rows };
}

const lastExportAudit = async () =>
  (
    await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "export.org_csv"), eq(auditLog.actorId, admin.id)))
      .orderBy(desc(auditLog.id))
      .limit(1)
  )[0];

beforeAll(async () => {
  const a = await makeUser({ role: "admin", name: "Export Admin" });
  admin = { id: a.id, role: "admin", email: a.email };
  s = await seedOrganisationScenario((o) => makeUser(o));
});

describe("organisation CSV export", () => {
  it("has one row per learner and assignment of active enrolments, with every column", async () => {
    const { header, rows } = await exportCsv(f());
    expect(header).toEqual(exportHeader);
    expect(rows).toHaveLength(9);
    const byEmail = new Map(rows.map((r) => [r[1], r]));
    expect(byEmail.get(s.a[0].email)).toEqual([
      "Ada Alpha",
      s.a[0].email,
      s.alpha.name,
      s.i1.name,
      "Boundaries (test)",
      "1",
      "2026-01-04T10:00:00Z",
      "2026-02-01T23:59:00Z",
      "Complete",
      "90",
      "2",
      "3",
      "2026-01-20T15:00:00Z",
      "1.5",
      "",
    ]);
    expect(byEmail.get(s.b[0].email)?.slice(3, 14)).toEqual([
      [s.i1.name, s.i2.name].sort().join(", "),
      "Boundaries (test)",
      "2",
      "2026-02-19T10:00:00Z",
      "2026-04-01T23:59:00Z",
      "Complete",
      "100",
      "1",
      "3",
      "2026-03-02T15:00:00Z",
      "2",
    ]);
    // not started: no version pinned, nothing earned
    expect(byEmail.get(s.b[2].email)?.slice(4, 14)).toEqual([
      "Boundaries (test)",
      "",
      "2026-02-19T10:00:00Z",
      "2026-04-01T23:59:00Z",
      "Not started",
      "",
      "0",
      "0",
      "",
      "0",
    ]);
    expect(byEmail.get(s.a[1].email)?.[8]).toBe("Complete (late)");
    expect(byEmail.get(s.a[3].email)?.[8]).toBe("Overdue");
    expect(byEmail.get(s.b[1].email)?.[8]).toBe("In progress");
    // revoked certificate: complete, but no hours
    expect(byEmail.get(s.c[0].email)?.[13]).toBe("0");
    // removed enrolment and a cohort without assignments are not rows
    expect(byEmail.has(s.a[4].email)).toBe(false);
    expect(byEmail.has(s.dl.email)).toBe(false);
    // ordered by cohort
    expect(rows.map((r) => r[2].split(" ")[0])).toEqual([
      "Alpha",
      "Alpha",
      "Alpha",
      "Alpha",
      "Bravo",
      "Bravo",
      "Bravo",
      "Charlie",
      "Charlie",
    ]);
  });

  it("dates Assigned when the learner got it: the later of the assignment and their enrolment (issue 15, defect 10)", async () => {
    const who = s.c[0];
    const joined = new Date("2026-06-01T08:00:00Z");
    const set = (at: Date) => t.db.update(enrolments).set({ enrolledAt: at }).where(eq(enrolments.userId, who.id));
    await set(joined);
    try {
      const { rows } = await exportCsv(f());
      expect(rows.find((r) => r[1] === who.email)?.[6]).toBe("2026-06-01T08:00:00Z");
      // enrolled before the assignment was made: its creation
      expect(rows.find((r) => r[1] === s.a[0].email)?.[6]).toBe("2026-01-04T10:00:00Z");
    } finally {
      await set(new Date("2026-01-02T09:00:00Z"));
    }
  });

  it("neutralises cells a spreadsheet would run as a formula", async () => {
    const { rows } = await exportCsv(f());
    const injected = rows.find((r) => r[1] === s.a[2].email)!;
    expect(injected[0]).toBe(`'=HYPERLINK("http://x")`);
    expect(rows.every((r) => r.every((cell) => !/^[=+\-@\t\r]/.test(cell)))).toBe(true);
  });

  it("applies the filters, like the report", async () => {
    expect((await exportCsv(f({ status: "overdue" }))).rows.map((r) => r[1]).sort()).toEqual(
      [s.a[2].email, s.a[3].email, s.c[1].email].sort(),
    );
    expect((await exportCsv(f({ instructor: s.i2.id }))).rows).toHaveLength(5);
    expect((await exportCsv(f({ from: "2026-01-01", to: "2026-02-28" }))).rows).toHaveLength(6);
    expect((await exportCsv(f({ cohortStatus: "archived", status: "complete" }))).rows.map((r) => r[1])).toEqual([s.c[0].email]);
    expect((await exportCsv(f({ from: "2030-01-01" }))).rows).toHaveLength(0);
  });

  it("reads in batches with the same rows and order either way (cursor on PostgreSQL, keyset pages)", async () => {
    const keyset = await exportCsv(f(), { mode: "keyset", batchSize: 2 });
    expect(keyset.rows).toHaveLength(9);
    const whole = await exportCsv(f(), { mode: dbKind() === "postgres" ? "cursor" : "keyset", batchSize: 2000 });
    expect(keyset.text).toBe(whole.text);
    if (dbKind() === "postgres") {
      const cursor = await exportCsv(f(), { mode: "cursor", batchSize: 2 });
      expect(cursor.text).toBe(whole.text);
    }
  });

  it("is audited with its filters and row count when it ends", async () => {
    await exportCsv(f({ status: "overdue", instructor: s.i1.id }));
    const entry = await lastExportAudit();
    expect(entry).toMatchObject({ actorEmail: admin.email, ip: "10.1.1.1" });
    expect(entry.details).toMatchObject({ rows: 2, completed: true, filters: { status: "overdue", instructor: s.i1.id } });
  });

  it("records a download the client stopped, with the rows sent so far", async () => {
    const stream = streamOrganisationExport({ actor: admin, filters: f(), now, batchSize: 2, mode: "keyset" });
    const reader = stream.getReader();
    await reader.read(); // header
    await reader.read(); // first batch
    await reader.cancel();
    const entry = await lastExportAudit();
    expect(entry.details).toMatchObject({ completed: false });
    expect((entry.details as { rows: number }).rows).toBeGreaterThanOrEqual(2);
    expect((entry.details as { rows: number }).rows).toBeLessThan(9);
  });

  it("gives the browser the row count up front (for its progress bar)", async () => {
    expect(await countOrganisationExportRows({ actor: admin, filters: f(), now })).toBe(9);
    expect(await countOrganisationExportRows({ actor: admin, filters: f({ status: "overdue" }), now })).toBe(3);
  });

  it("gives its database connection back when a download is cancelled half-way", async () => {
    const mode = dbKind() === "postgres" ? "cursor" : "keyset";
    // more cancelled downloads than the pool has connections: a leak would hang here
    for (let i = 0; i < 8; i++) {
      const reader = streamOrganisationExport({ actor: admin, filters: f(), now, batchSize: 2, mode }).getReader();
      await reader.read();
      await reader.read();
      await reader.cancel();
    }
    expect((await exportCsv(f(), { mode })).rows).toHaveLength(9);
  });

  it("never contains reflection text", async () => {
    const { text } = await exportCsv(f());
    expect(text).not.toContain("Juniper");
    expect(text).not.toContain(PRIVATE_SENTENCE);
  });

  it("answers 404 to instructors and learners", async () => {
    for (const role of ["instructor", "learner"] as const) {
      const u = await makeUser({ role });
      await expectNotFound(() => streamOrganisationExport({ actor: { id: u.id, role, email: u.email }, filters: f() }));
    }
  });

  it("names the file with the date", () => {
    expect(exportFilename(new Date("2026-03-15T12:00:00Z"))).toBe("cohort-completion-2026-03-15.csv");
  });
});
