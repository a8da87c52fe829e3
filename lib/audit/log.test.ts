import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { expectNotFound } from "@/db/test/admin-helpers";
import { makeUser } from "@/db/test/factories";
import { setupTestDb } from "@/db/test/test-db";
import { makeAssignment, makeLearnerOn } from "@/db/test/learner-factories";
import { auditDetailLines, auditDetailText, listAuditActions, listAuditEntries, readAuditFilters } from "./log";

const t = setupTestDb();
let admin: { id: string; role: "admin" };
let target: { id: string; email: string; name: string };

beforeAll(async () => {
  const a = await makeUser({ role: "admin" });
  admin = { id: a.id, role: "admin" };
  target = await makeUser();
  const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 0, day, hour));
  await t.db.insert(auditLog).values([
    { at: at(1), actorEmail: "first.admin@test.cohort", action: "user.invite", targetType: "user", targetId: target.id, ip: "10.0.0.1" },
    { at: at(2), actorEmail: "someone@test.cohort", action: "auth.sign_in", ip: "10.0.0.2" },
    {
      at: at(2, 13),
      actorEmail: "someone@test.cohort",
      action: "auth.sign_in_failed",
      ip: "10.0.0.3",
      details: { reason: "wrong_password" },
    },
    {
      at: at(3),
      actorEmail: "first.admin@test.cohort",
      action: "user.role_change",
      targetType: "user",
      targetId: target.id,
      details: { from: "learner", to: "instructor" },
    },
    { at: at(4), actorEmail: "first.admin@test.cohort", action: "export.org_csv", details: { rows: 12 } },
  ]);
});

const actions = (r: { entries: { action: string }[] }) => r.entries.map((e) => e.action);

describe("audit log", () => {
  it("lists newest first with who, what, where and the target's email", async () => {
    const r = await listAuditEntries({ actor: admin, filters: {} });
    expect(actions(r)).toEqual(["export.org_csv", "user.role_change", "auth.sign_in_failed", "auth.sign_in", "user.invite"]);
    expect(r.entries[1]).toMatchObject({
      actorEmail: "first.admin@test.cohort",
      target: { label: target.name, detail: target.email, href: `/admin/users/${target.id}` },
      details: { from: "learner", to: "instructor" },
    });
    expect(r.entries[2].ip).toBe("10.0.0.3");
  });

  it("filters by actor email, action and date range", async () => {
    expect(actions(await listAuditEntries({ actor: admin, filters: { actor: "SOMEONE@" } }))).toEqual([
      "auth.sign_in_failed",
      "auth.sign_in",
    ]);
    expect(actions(await listAuditEntries({ actor: admin, filters: { action: "user.invite" } }))).toEqual(["user.invite"]);
    expect(actions(await listAuditEntries({ actor: admin, filters: { from: "2026-01-02", to: "2026-01-03" } }))).toEqual([
      "user.role_change",
      "auth.sign_in_failed",
      "auth.sign_in",
    ]);
    expect(actions(await listAuditEntries({ actor: admin, filters: { actor: "first", from: "2026-01-03" } }))).toEqual([
      "export.org_csv",
      "user.role_change",
    ]);
  });

  it("pages with a keyset cursor", async () => {
    const p1 = await listAuditEntries({ actor: admin, filters: {}, pageSize: 2 });
    expect(actions(p1)).toEqual(["export.org_csv", "user.role_change"]);
    const p2 = await listAuditEntries({ actor: admin, filters: { before: p1.nextBefore! }, pageSize: 2 });
    expect(actions(p2)).toEqual(["auth.sign_in_failed", "auth.sign_in"]);
    const p3 = await listAuditEntries({ actor: admin, filters: { before: p2.nextBefore! }, pageSize: 2 });
    expect([actions(p3), p3.nextBefore]).toEqual([["user.invite"], null]);
  });

  it("offers each distinct action once", async () => {
    expect(await listAuditActions({ actor: admin })).toEqual([
      "auth.sign_in",
      "auth.sign_in_failed",
      "export.org_csv",
      "user.invite",
      "user.role_change",
    ]);
  });

  it("shows details as text, hiding anything that could be private even if a writer logged it", () => {
    expect(auditDetailText({ from: "learner", to: "admin", filters: { status: "overdue" } })).toBe(
      "from: learner · to: admin · filters: status overdue",
    );
    expect(auditDetailText({ reflectionBody: "my story", password: "x", rows: 3 })).toBe(
      "reflectionBody: [hidden] · password: [hidden] · rows: 3",
    );
  });

  it("drops filter values it does not understand", () => {
    expect(readAuditFilters({ action: "x'; drop table audit_log;--", from: "2026-13-45", actor: "a@b", before: "12" })).toEqual({
      actor: "a@b",
      before: 12,
    });
  });

  it("answers 404 to instructors and learners", async () => {
    for (const role of ["instructor", "learner"] as const) {
      const u = await makeUser({ role });
      await expectNotFound(listAuditEntries({ actor: { id: u.id, role }, filters: {} }));
      await expectNotFound(listAuditActions({ actor: { id: u.id, role } }));
    }
  });

  it("names every target with a link to its page, for a whole page of entries at once (issue 15, defect 8)", async () => {
    const { cohort, assignment } = await makeAssignment();
    const { user, progressId } = await makeLearnerOn(assignment, "Rosa Target");
    const at = new Date(Date.UTC(2026, 0, 9));
    await t.db.insert(auditLog).values([
      { at, actorEmail: "targets@test.cohort", action: "assignment.create", targetType: "assignment", targetId: assignment.id },
      { at, actorEmail: "targets@test.cohort", action: "attempt.reset", targetType: "assignment_progress", targetId: progressId },
      { at, actorEmail: "targets@test.cohort", action: "cohort.update", targetType: "cohort", targetId: cohort.id },
      { at, actorEmail: "targets@test.cohort", action: "settings.update", targetType: "org_settings", targetId: "1" },
      {
        at,
        actorEmail: "targets@test.cohort",
        action: "cohort.update",
        targetType: "cohort",
        targetId: "00000000-0000-4000-8000-000000000000",
      },
    ]);
    const { entries } = await listAuditEntries({ actor: admin, filters: { actor: "targets@" } });
    const byAction = (a: string) => entries.filter((e) => e.action === a).map((e) => e.target);
    expect(byAction("assignment.create")).toEqual([
      { label: expect.any(String), detail: cohort.name, href: `/admin/cohorts/${cohort.id}` },
    ]);
    expect(byAction("attempt.reset")).toEqual([
      {
        label: "Rosa Target",
        detail: expect.stringContaining(cohort.name),
        href: `/admin/cohorts/${cohort.id}?q=${encodeURIComponent(user.email)}`,
      },
    ]);
    expect(byAction("cohort.update")).toEqual(
      expect.arrayContaining([
        { label: cohort.name, detail: null, href: `/admin/cohorts/${cohort.id}` },
        { label: "cohort 00000000-0000-4000-8000-000000000000", detail: "no longer exists", href: null },
      ]),
    );
    expect(byAction("settings.update")).toEqual([{ label: "Organization settings", detail: null, href: "/admin/settings" }]);
    // no raw uuid where a name exists
    for (const e of entries) if (e.target?.href) expect(e.target.label).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
  });

  it("shows a settings change field by field, before → after, not as JSON", () => {
    const lines = auditDetailLines("settings.update", {
      changed: ["organisationName", "hourTargets", "providerApprovalNumber"],
      before: { organisationName: "Old Name", providerApprovalNumber: null, hourTargets: [{ category: "Ethics", hours: 6 }] },
      after: {
        organisationName: "New Name",
        providerApprovalNumber: "IL-42",
        hourTargets: [
          { category: "Ethics", hours: 6 },
          { category: "CRSS domains", hours: 40 },
        ],
      },
    });
    expect(lines).toEqual([
      "Organization name: “Old Name” → “New Name”",
      "Hour targets: Ethics: 6 h → Ethics: 6 h, CRSS domains: 40 h",
      "Provider approval number: (none) → “IL-42”",
    ]);
    expect(lines.join(" ")).not.toMatch(/[{}"]/);
    expect(auditDetailLines("user.role_change", { from: "learner", to: "instructor" })).toEqual(["from: learner", "to: instructor"]);
  });
});
