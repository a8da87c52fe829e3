import { describe, expect, it, beforeAll } from "vitest";
import { makeUser } from "@/db/test/factories";
import { PRIVATE_SENTENCE, SCENARIO_NOW, seedOrganisationScenario } from "@/db/test/admin-factories";
import { expectNotFound } from "@/db/test/admin-helpers";
import { setupTestDb } from "@/db/test/test-db";
import { readReportFilters, reportFiltersSchema, type ReportFilters } from "./organisation-filters";
import { getCompletionsPerWeek, getOrganisationTiles, listOrganisationCohorts, listReportInstructors, weekOf } from "./organisation";

setupTestDb();

const now = SCENARIO_NOW;
let s: Awaited<ReturnType<typeof seedOrganisationScenario>>;
let admin: { id: string; role: "admin"; email: string };

const f = (over: Partial<ReportFilters> = {}): ReportFilters => ({ sort: "name", dir: "asc", page: 1, ...over });

beforeAll(async () => {
  const a = await makeUser({ role: "admin", name: "Report Admin" });
  admin = { id: a.id, role: "admin", email: a.email };
  s = await seedOrganisationScenario((o) => makeUser(o));
});

describe("organisation tiles, by hand on the scenario", () => {
  const cases: [string, () => Partial<ReportFilters>, Record<string, number | null>][] = [
    ["no filters", () => ({}), { learners: 9, learnerAssignments: 9, completed: 4, overdue: 3, awaitingReview: 5, contactHours: 5 }],
    [
      "instructor I2",
      () => ({ instructor: s.i2.id }),
      { learners: 5, learnerAssignments: 5, completed: 2, overdue: 1, awaitingReview: 3, contactHours: 2 },
    ],
    [
      "active cohorts",
      () => ({ cohortStatus: "active" }),
      { learners: 7, learnerAssignments: 7, completed: 3, overdue: 2, awaitingReview: 5, contactHours: 5 },
    ],
    [
      "archived cohorts",
      () => ({ cohortStatus: "archived" }),
      { learners: 2, learnerAssignments: 2, completed: 1, overdue: 1, awaitingReview: 0, contactHours: 0 },
    ],
    [
      "due in Jan–Feb",
      () => ({ from: "2026-01-01", to: "2026-02-28" }),
      { learners: 6, learnerAssignments: 6, completed: 3, overdue: 3, awaitingReview: 2, contactHours: 3 },
    ],
    [
      "overdue only",
      () => ({ status: "overdue" }),
      { learners: 3, learnerAssignments: 3, completed: 0, overdue: 3, awaitingReview: 1, contactHours: 0 },
    ],
    [
      "late completions",
      () => ({ status: "complete_late" }),
      { learners: 1, learnerAssignments: 1, completed: 1, overdue: 0, awaitingReview: 1, contactHours: 1.5 },
    ],
    [
      "I1 and complete on time",
      () => ({ instructor: s.i1.id, status: "complete" }),
      { learners: 2, learnerAssignments: 2, completed: 2, overdue: 0, awaitingReview: 3, contactHours: 3.5 },
    ],
    [
      "I2, archived, due in January",
      () => ({ instructor: s.i2.id, cohortStatus: "archived", from: "2026-01-01", to: "2026-01-31" }),
      { learners: 2, learnerAssignments: 2, completed: 1, overdue: 1, awaitingReview: 0, contactHours: 0 },
    ],
    [
      "a range with nothing due",
      () => ({ from: "2030-01-01", to: "2030-12-31" }),
      { learners: 0, learnerAssignments: 0, completed: 0, overdue: 0, awaitingReview: 0, contactHours: 0, completePct: null },
    ],
  ];
  for (const [name, filters, expected] of cases) {
    it(name, async () => {
      const tiles = await getOrganisationTiles({ actor: admin, filters: f(filters()), now });
      expect(tiles).toMatchObject(expected);
      if (tiles.learnerAssignments) expect(tiles.completePct).toBeCloseTo((100 * tiles.completed) / tiles.learnerAssignments, 5);
    });
  }

  it("complete % is complete and complete-late over every learner-assignment in view", async () => {
    expect((await getOrganisationTiles({ actor: admin, filters: f(), now })).completePct).toBeCloseTo(44.444, 2);
  });
});

describe("cohort table", () => {
  const names = (rows: { name: string }[]) => rows.map((r) => r.name.split(" ")[0]);

  it("shows each cohort's instructors, enrolled, complete %, overdue, median best score and due date", async () => {
    const { rows, total } = await listOrganisationCohorts({ actor: admin, filters: f(), now });
    expect(total).toBe(4);
    expect(names(rows)).toEqual(["Alpha", "Bravo", "Charlie", "Delta"]);
    const [alpha, bravo, charlie, delta] = rows;
    expect(alpha).toMatchObject({ instructors: s.i1.name, enrolled: 4, learnerAssignments: 4, completed: 2, overdue: 2, medianScore: 85 });
    expect(alpha.completePct).toBeCloseTo(50);
    expect(alpha.firstDue?.toISOString()).toBe("2026-02-01T23:59:00.000Z");
    expect(bravo).toMatchObject({ instructors: [s.i1.name, s.i2.name].sort().join(", "), enrolled: 3, overdue: 0, medianScore: 100 });
    expect(bravo.completePct).toBeCloseTo(33.333, 2);
    expect(charlie).toMatchObject({ status: "archived", enrolled: 2, overdue: 1, medianScore: 80 });
    expect(delta).toMatchObject({ enrolled: 1, learnerAssignments: 0, completePct: null, medianScore: null, firstDue: null });
  });

  it("leaves out cohorts with nothing in view once a date range or status is chosen", async () => {
    const byDate = await listOrganisationCohorts({ actor: admin, filters: f({ from: "2026-01-01", to: "2026-02-28" }), now });
    expect(names(byDate.rows)).toEqual(["Alpha", "Charlie"]);
    const overdue = await listOrganisationCohorts({ actor: admin, filters: f({ status: "overdue" }), now });
    expect(overdue.rows.map((r) => [r.name.split(" ")[0], r.learnerAssignments, r.overdue, r.medianScore])).toEqual([
      ["Alpha", 2, 2, 60],
      ["Charlie", 1, 1, null],
    ]);
    const i2 = await listOrganisationCohorts({ actor: admin, filters: f({ instructor: s.i2.id }), now });
    expect(names(i2.rows)).toEqual(["Bravo", "Charlie", "Delta"]);
  });

  it("sorts by an allowlisted column with empty values last, then by name", async () => {
    const sorted = async (sort: ReportFilters["sort"], dir: "asc" | "desc") =>
      names((await listOrganisationCohorts({ actor: admin, filters: f({ sort, dir }), now })).rows);
    expect(await sorted("complete", "desc")).toEqual(["Alpha", "Charlie", "Bravo", "Delta"]);
    expect(await sorted("median", "asc")).toEqual(["Charlie", "Alpha", "Bravo", "Delta"]);
    expect(await sorted("enrolled", "desc")).toEqual(["Alpha", "Bravo", "Charlie", "Delta"]);
    expect(await sorted("overdue", "desc")).toEqual(["Alpha", "Charlie", "Bravo", "Delta"]);
    expect(await sorted("due", "asc")).toEqual(["Charlie", "Alpha", "Bravo", "Delta"]);
    expect(await sorted("name", "desc")).toEqual(["Delta", "Charlie", "Bravo", "Alpha"]);
  });

  it("paginates in SQL", async () => {
    const p2 = await listOrganisationCohorts({ actor: admin, filters: f({ page: 2 }), now, pageSize: 3 });
    expect(names(p2.rows)).toEqual(["Delta"]);
    expect([p2.total, p2.pageCount]).toEqual([4, 2]);
    const past = await listOrganisationCohorts({ actor: admin, filters: f({ page: 9 }), now, pageSize: 3 });
    expect([past.rows.length, past.total]).toEqual([0, 4]);
  });

  it("refuses a sort that is not on the allowlist", () => {
    const r = reportFiltersSchema.safeParse({ sort: 'name"; drop table users;--' });
    expect(r.success).toBe(false);
    const lenient = readReportFilters({ sort: 'name"; drop table users;--', status: "overdue" });
    expect(lenient.filters).toMatchObject({ sort: "name", status: "overdue" });
    expect(lenient.ignored).toEqual(["sort"]);
  });
});

describe("completions per week", () => {
  const series = async (over: Partial<ReportFilters>) =>
    (await getCompletionsPerWeek({ actor: admin, filters: f(over), now })).map((p) => `${p.week}:${p.completions}`);

  it("counts completions per UTC week (Monday), gaps filled with zero", async () => {
    expect(await series({})).toEqual([
      "2026-01-05:1",
      "2026-01-12:0",
      "2026-01-19:1",
      "2026-01-26:0",
      "2026-02-02:1",
      "2026-02-09:0",
      "2026-02-16:0",
      "2026-02-23:0",
      "2026-03-02:1",
    ]);
  });

  it("applies the date range to the completion date and spans the whole range", async () => {
    expect(await series({ from: "2026-01-01", to: "2026-02-28" })).toEqual([
      "2025-12-29:0",
      "2026-01-05:1",
      "2026-01-12:0",
      "2026-01-19:1",
      "2026-01-26:0",
      "2026-02-02:1",
      "2026-02-09:0",
      "2026-02-16:0",
      "2026-02-23:0",
    ]);
  });

  it("applies the other filters too", async () => {
    expect(await series({ instructor: s.i1.id, status: "complete" })).toEqual([
      "2026-01-19:1",
      "2026-01-26:0",
      "2026-02-02:0",
      "2026-02-09:0",
      "2026-02-16:0",
      "2026-02-23:0",
      "2026-03-02:1",
    ]);
    expect(await series({ status: "overdue" })).toEqual([]);
    expect(await series({ cohortStatus: "archived" })).toEqual(["2026-01-05:1"]);
  });

  it("knows which Monday starts a week", () => {
    expect(weekOf(new Date("2026-01-04T23:00:00Z"))).toBe("2025-12-29");
    expect(weekOf(new Date("2026-01-05T00:00:00Z"))).toBe("2026-01-05");
  });
});

describe("who may see it", () => {
  it("answers 404 to instructors and learners", async () => {
    for (const role of ["instructor", "learner"] as const) {
      const u = await makeUser({ role });
      const actor = { id: u.id, role, email: u.email };
      await expectNotFound(getOrganisationTiles({ actor, filters: f() }));
      await expectNotFound(listOrganisationCohorts({ actor, filters: f() }));
      await expectNotFound(getCompletionsPerWeek({ actor, filters: f() }));
      await expectNotFound(listReportInstructors({ actor }));
    }
  });

  it("never carries reflection text", async () => {
    const everything = await Promise.all([
      getOrganisationTiles({ actor: admin, filters: f(), now }),
      listOrganisationCohorts({ actor: admin, filters: f(), now }),
      getCompletionsPerWeek({ actor: admin, filters: f(), now }),
      listReportInstructors({ actor: admin }),
    ]);
    expect(JSON.stringify(everything)).not.toContain("Juniper");
    expect(JSON.stringify(everything)).not.toContain(PRIVATE_SENTENCE);
  });
});
