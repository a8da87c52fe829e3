import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, cohortInstructors, cohorts, users } from "@/db/schema";
import { makeUser } from "@/db/test/factories";
import {
  enrol,
  expectNotFound,
  makeAssignment,
  makeCohort,
  makeInstructor,
  makeLearner,
  progressOf,
  setProgress,
} from "@/db/test/instructor-factories";
import { setupTestDb } from "@/db/test/test-db";
import { publishBuiltInModules } from "@/lib/learning/module/publish";
import { addCoInstructor, createCohort, listCohortsWithFigures, setCohortArchived, updateCohort } from "./cohorts";

const t = setupTestDb();
let moduleId: string;
beforeAll(async () => {
  ({ moduleId } = await publishBuiltInModules());
});

describe("creating and editing cohorts", () => {
  it("makes the creating instructor its instructor, with an audit entry", async () => {
    const me = await makeInstructor();
    const c = await createCohort({ actor: me, name: "  Spring 2026 ", description: "Tuesdays" });
    expect(c.name).toBe("Spring 2026");
    const teachers = await t.db.select().from(cohortInstructors).where(eq(cohortInstructors.cohortId, c.id));
    expect(teachers.map((x) => x.userId)).toEqual([me.id]);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, c.id));
    expect(entry.action).toBe("cohort.create");
  });

  it("lets an admin create one for named instructors, and refuses non-instructors", async () => {
    const admin = await makeUser({ role: "admin" });
    const a = await makeInstructor();
    const b = await makeInstructor();
    const c = await createCohort({ actor: admin, name: "Admin made", instructorIds: [a.id, b.id] });
    const teachers = await t.db.select().from(cohortInstructors).where(eq(cohortInstructors.cohortId, c.id));
    expect(teachers.map((x) => x.userId).sort()).toEqual([a.id, b.id].sort());
    const learner = await makeLearner();
    await expect(createCohort({ actor: admin, name: "Bad", instructorIds: [learner.id] })).rejects.toThrow(/active instructor/);
    await expect(createCohort({ actor: admin, name: "None" })).rejects.toThrow(/active instructor/);
  });

  it("lets an admin create one per the matrix (cohort.create): the admin is not made its instructor, the audit names who teaches", async () => {
    const admin = await makeUser({ role: "admin" });
    const a = await makeInstructor();
    const gone = await makeInstructor();
    await t.db.update(users).set({ status: "deactivated" }).where(eq(users.id, gone.id));
    const before = (await t.db.select({ id: cohorts.id }).from(cohorts)).length;

    // one deactivated or unknown instructor among them refuses the whole request, naming the field
    for (const instructorIds of [[a.id, gone.id], [a.id, "00000000-0000-4000-8000-000000000000"], [a.id, "not-a-uuid"], [admin.id]]) {
      await expect(createCohort({ actor: admin, name: "Mixed", instructorIds })).rejects.toMatchObject({
        code: "invalid",
        fieldErrors: { instructorIds: "Choose at least one active instructor." },
      });
    }
    expect((await t.db.select({ id: cohorts.id }).from(cohorts)).length).toBe(before);

    await expect(createCohort({ actor: admin, name: "  ", instructorIds: [a.id] })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { name: "Enter a name for the cohort." },
    });
    expect((await t.db.select({ id: cohorts.id }).from(cohorts)).length).toBe(before);

    const c = await createCohort({ actor: admin, name: " Admin's cohort ", description: "For Tuesday", instructorIds: [a.id, a.id] });
    expect(c).toMatchObject({ name: "Admin's cohort", description: "For Tuesday", status: "active", createdBy: admin.id });
    const teachers = await t.db.select().from(cohortInstructors).where(eq(cohortInstructors.cohortId, c.id));
    expect(teachers.map((x) => x.userId)).toEqual([a.id]);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, c.id));
    expect(entry).toMatchObject({ action: "cohort.create", actorId: admin.id, details: { name: "Admin's cohort", instructorIds: [a.id] } });
    // the instructor it names sees it in their list; the admin's list has every cohort
    expect((await listCohortsWithFigures({ actor: a })).map((x) => x.id)).toEqual([c.id]);
    expect((await listCohortsWithFigures({ actor: admin })).map((x) => x.id)).toContain(c.id);
  });

  it("refuses learners", async () => {
    const learner = await makeLearner();
    await expectNotFound(createCohort({ actor: learner, name: "Mine" }));
  });

  it("edits and archives only a cohort the instructor teaches; archiving keeps every record", async () => {
    const me = await makeInstructor();
    const other = await makeInstructor();
    const c = await createCohort({ actor: me, name: "Original" });
    await expectNotFound(updateCohort({ actor: other, cohortId: c.id, name: "Hijacked" }));
    await expectNotFound(setCohortArchived({ actor: other, cohortId: c.id, archived: true }));
    const [still] = await t.db.select().from(cohorts).where(eq(cohorts.id, c.id));
    expect(still.name).toBe("Original");
    expect(still.status).toBe("active");

    await updateCohort({ actor: me, cohortId: c.id, name: "Renamed", description: "" });
    const learner = await makeLearner();
    await enrol(c.id, learner.id);
    await setCohortArchived({ actor: me, cohortId: c.id, archived: true });
    expect((await listCohortsWithFigures({ actor: me })).map((x) => x.id)).not.toContain(c.id);
    const archived = await listCohortsWithFigures({ actor: me, archived: true });
    expect(archived.find((x) => x.id === c.id)).toMatchObject({ name: "Renamed", learners: 1 });
    await setCohortArchived({ actor: me, cohortId: c.id, archived: false });
    expect((await listCohortsWithFigures({ actor: me })).map((x) => x.id)).toContain(c.id);
  });

  it("adds another active instructor by email, once", async () => {
    const me = await makeInstructor();
    const co = await makeInstructor();
    const learner = await makeLearner();
    const gone = await makeInstructor({ status: "deactivated" });
    const c = await createCohort({ actor: me, name: "Shared" });
    await addCoInstructor({ actor: me, cohortId: c.id, email: co.email.toUpperCase() });
    await expect(addCoInstructor({ actor: me, cohortId: c.id, email: co.email })).rejects.toThrow(/already teaches/);
    await expect(addCoInstructor({ actor: me, cohortId: c.id, email: learner.email })).rejects.toThrow(/No active instructor/);
    await expect(addCoInstructor({ actor: me, cohortId: c.id, email: gone.email })).rejects.toThrow(/No active instructor/);
    // the co-instructor now reaches it, and may add others too
    expect((await listCohortsWithFigures({ actor: co })).map((x) => x.id)).toContain(c.id);
    const stranger = await makeInstructor();
    await expectNotFound(addCoInstructor({ actor: stranger, cohortId: c.id, email: stranger.email }));
  });
});

describe("the instructor's cohort list", () => {
  it("shows learners, complete %, overdue and the nearest due date per cohort", async () => {
    const me = await makeInstructor();
    const c = await makeCohort({ instructorIds: [me.id], name: "AAA figures" });
    const empty = await makeCohort({ instructorIds: [me.id], name: "AAB empty" });
    await makeCohort({ instructorIds: [(await makeInstructor()).id], name: "AAC not mine" });
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => makeLearner()));
    for (const p of people) await enrol(c.id, p.id);
    const removed = await makeLearner();
    await enrol(c.id, removed.id, "removed");
    const now = new Date();
    const past = await makeAssignment({
      cohortId: c.id,
      moduleId,
      opensAt: new Date(+now - 20 * 86400_000),
      dueAt: new Date(+now - 86400_000),
    });
    // two complete, three overdue (past due, not complete)
    await setProgress((await progressOf(past.id, people[0].id)).id, { completedAt: new Date(+now - 2 * 86400_000) });
    await setProgress((await progressOf(past.id, people[1].id)).id, { completedAt: new Date(+now - 3 * 86400_000) });

    const rows = await listCohortsWithFigures({ actor: me, now });
    expect(rows.map((r) => r.name)).toEqual(["AAA figures", "AAB empty"]);
    expect(rows[0]).toMatchObject({ learners: 5, completed: 2, completePercent: 40, overdue: 3, nextDueAt: null });
    expect(rows[1]).toMatchObject({ id: empty.id, learners: 0, completePercent: null, overdue: 0, nextDueAt: null });
  });

  it("gives the nearest due date still ahead", async () => {
    const me = await makeInstructor();
    const c = await makeCohort({ instructorIds: [me.id] });
    const dueAt = new Date(Date.now() + 3 * 86400_000);
    await makeAssignment({ cohortId: c.id, moduleId, dueAt });
    const [row] = await listCohortsWithFigures({ actor: me });
    expect(row.nextDueAt?.toISOString()).toBe(dueAt.toISOString());
    expect(await listCohortsWithFigures({ actor: me, now: new Date(+dueAt + 1000) })).toMatchObject([{ nextDueAt: null }]);
  });
});
