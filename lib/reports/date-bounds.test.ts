/**
 * Security round 2 ("Also"): `/admin?to=9999-12-31` and its export answered
 * 500 — a date past 9999 does not even serialise for the database. Dates from
 * people and URLs are bounded to a sane range and refused with a message.
 */
import { describe, expect, it } from "vitest";
import { makeCohort, makeInstructor } from "@/db/test/instructor-factories";
import { setupTestDb } from "@/db/test/test-db";
import { assignModule } from "@/lib/cohorts/assignments";
import { publishBuiltInModules } from "@/lib/learning/module/publish";
import { readAuditFilters } from "@/lib/audit/log";
import { getCompletionsPerWeek, getOrganisationTiles } from "./organisation";
import { readReportFilters, reportFiltersSchema } from "./organisation-filters";

setupTestDb();

describe("dates out of range", () => {
  it("the export's strict filters refuse them (400), the page drops them and names them", async () => {
    for (const to of ["9999-12-31", "1899-01-01", "0001-01-01"]) {
      const strict = reportFiltersSchema.safeParse({ to });
      expect(strict.success, to).toBe(false);
      expect(strict.error?.issues.find((i) => i.path[0] === "to")?.message).toMatch(/between 2000 and 2099/);
      const lenient = readReportFilters({ to });
      expect(lenient.ignored).toContain("to");
      expect(lenient.filters.to).toBeUndefined();
    }
    expect(reportFiltersSchema.safeParse({ from: "2026-01-01", to: "2026-12-31" }).success).toBe(true);
    expect(readAuditFilters({ from: "9999-12-31" }).from).toBeUndefined();
  });

  it("the report runs with the filters the page keeps, and at the edges of the range", async () => {
    const admin = { id: "00000000-0000-4000-8000-000000000001", role: "admin" as const };
    for (const params of [
      { to: "9999-12-31", from: "2026-01-01" },
      { from: "2000-01-01", to: "2099-12-31" },
    ]) {
      const { filters } = readReportFilters(params);
      await expect(getOrganisationTiles({ actor: admin, filters })).resolves.toBeDefined();
      await expect(getCompletionsPerWeek({ actor: admin, filters })).resolves.toBeDefined();
    }
  });

  it("an assignment due in the year 9999 is refused with a message, not a failure", async () => {
    const { moduleId } = await publishBuiltInModules();
    const me = await makeInstructor();
    const c = await makeCohort({ instructorIds: [me.id] });
    await expect(
      assignModule({ actor: me, cohortId: c.id, moduleId, opensAt: "2026-01-01T00:00:00Z", dueAt: "9999-12-31T00:00:00Z" }),
    ).rejects.toMatchObject({ fieldErrors: { dueAt: expect.stringMatching(/between 2000 and 2099/) } });
  });
});
