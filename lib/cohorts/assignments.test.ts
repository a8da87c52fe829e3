import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { assignmentProgress, assignments, auditLog } from "@/db/schema";
import { enrol, expectNotFound, makeCohort, makeInstructor, makeLearner } from "@/db/test/instructor-factories";
import { setupTestDb } from "@/db/test/test-db";
import { publishBuiltInModules } from "@/lib/learning/module/publish";
import {
  assignModule,
  assignmentDatesFrom,
  defaultAssignmentDates,
  listCohortAssignments,
  updateAssignmentDates,
  updateAssignmentQuizOptions,
} from "./assignments";
import { enrolByEmail } from "./enrolment";

const t = setupTestDb();
let moduleId: string;
beforeAll(async () => {
  ({ moduleId } = await publishBuiltInModules());
});

const opensAt = "2030-03-01T14:00:00.000Z";
const dueAt = "2030-03-15T22:59:00.000Z";

describe("assigning the module", () => {
  it("gives every active learner a progress row, and learners who join later get one too", async () => {
    const me = await makeInstructor();
    const c = await makeCohort({ instructorIds: [me.id] });
    const a1 = await makeLearner();
    const a2 = await makeLearner();
    const gone = await makeLearner();
    await enrol(c.id, a1.id);
    await enrol(c.id, a2.id);
    await enrol(c.id, gone.id, "removed");
    const a = await assignModule({ actor: me, cohortId: c.id, moduleId, opensAt, dueAt, passMarkOverride: "90", maxAttempts: "" });
    expect(a).toMatchObject({ passMarkOverride: 90, maxAttempts: null });
    expect(a.dueAt.toISOString()).toBe(dueAt);
    const rows = await t.db.select().from(assignmentProgress).where(eq(assignmentProgress.assignmentId, a.id));
    expect(rows.map((r) => r.userId).sort()).toEqual([a1.id, a2.id].sort());

    const late = await enrolByEmail({ actor: me, cohortId: c.id, email: `late-${a.id}@test.cohort`, name: "Late Joiner" });
    if (late.outcome !== "created") throw new Error("expected a new account");
    const after = await t.db.select().from(assignmentProgress).where(eq(assignmentProgress.assignmentId, a.id));
    expect(after.map((r) => r.userId)).toContain(late.learner.id);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.targetId, a.id));
    expect(entry).toMatchObject({ action: "assignment.create", actorId: me.id });
  });

  it("assigns a module to a cohort only once", async () => {
    const me = await makeInstructor();
    const c = await makeCohort({ instructorIds: [me.id] });
    await assignModule({ actor: me, cohortId: c.id, moduleId, opensAt, dueAt });
    await expect(assignModule({ actor: me, cohortId: c.id, moduleId, opensAt, dueAt })).rejects.toThrow(/already assigned/);
    expect(await listCohortAssignments({ cohortId: c.id })).toHaveLength(1);
  });

  it("explains bad dates, pass marks and limits next to the field", async () => {
    const me = await makeInstructor();
    const c = await makeCohort({ instructorIds: [me.id] });
    await expect(assignModule({ actor: me, cohortId: c.id, moduleId, opensAt: dueAt, dueAt: opensAt })).rejects.toMatchObject({
      fieldErrors: { dueAt: "The due date must be after the open date." },
    });
    await expect(assignModule({ actor: me, cohortId: c.id, moduleId, opensAt, dueAt: opensAt })).rejects.toMatchObject({
      fieldErrors: { dueAt: "The due date must be after the open date." },
    });
    await expect(assignModule({ actor: me, cohortId: c.id, moduleId, opensAt: "", dueAt })).rejects.toMatchObject({
      fieldErrors: { opensAt: "Enter the open date." },
    });
    await expect(assignModule({ actor: me, cohortId: c.id, moduleId, opensAt, dueAt, passMarkOverride: "101" })).rejects.toMatchObject({
      fieldErrors: { passMarkOverride: expect.stringMatching(/1 to 100/) },
    });
    await expect(assignModule({ actor: me, cohortId: c.id, moduleId, opensAt, dueAt, maxAttempts: "0" })).rejects.toMatchObject({
      fieldErrors: { maxAttempts: expect.stringMatching(/attempts limit/) },
    });
    await expect(assignModule({ actor: me, cohortId: c.id, moduleId, opensAt, dueAt, maxAttempts: "two" })).rejects.toMatchObject({
      fieldErrors: { maxAttempts: expect.stringMatching(/attempts limit/) },
    });
    expect(await listCohortAssignments({ cohortId: c.id })).toHaveLength(0);
  });

  it("keeps the instant the browser sent, whatever the offset it was written in", async () => {
    const me = await makeInstructor();
    const c = await makeCohort({ instructorIds: [me.id] });
    // 5 pm on 15 June in Chicago (UTC−5 in summer) is 22:00 UTC
    const a = await assignModule({
      actor: me,
      cohortId: c.id,
      moduleId,
      opensAt: "2030-06-01T09:00:00-05:00",
      dueAt: "2030-06-15T17:00:00-05:00",
    });
    expect(a.dueAt.toISOString()).toBe("2030-06-15T22:00:00.000Z");
    expect(a.opensAt.toISOString()).toBe("2030-06-01T14:00:00.000Z");
  });

  it("moves the dates later, with the same rules, and only in a cohort the instructor teaches", async () => {
    const me = await makeInstructor();
    const stranger = await makeInstructor();
    const c = await makeCohort({ instructorIds: [me.id] });
    const a = await assignModule({ actor: me, cohortId: c.id, moduleId, opensAt, dueAt });
    const later = "2030-04-01T12:00:00.000Z";
    await expectNotFound(updateAssignmentDates({ actor: stranger, cohortId: c.id, assignmentId: a.id, opensAt, dueAt: later }));
    const own = await makeCohort({ instructorIds: [stranger.id] });
    await expectNotFound(updateAssignmentDates({ actor: stranger, cohortId: own.id, assignmentId: a.id, opensAt, dueAt: later }));
    await expect(
      updateAssignmentDates({ actor: me, cohortId: c.id, assignmentId: a.id, opensAt: later, dueAt: opensAt }),
    ).rejects.toThrow();
    await updateAssignmentDates({ actor: me, cohortId: c.id, assignmentId: a.id, opensAt, dueAt: later });
    const [row] = await t.db.select().from(assignments).where(eq(assignments.id, a.id));
    expect(row.dueAt.toISOString()).toBe(later);
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.targetId, a.id));
    expect(entries.map((e) => e.action)).toEqual(["assignment.create", "assignment.update"]);
  });

  it("sets the quiz options: defaults (key after a pass or the last attempt, lesson read first), a choice, and a change later", async () => {
    const me = await makeInstructor();
    const stranger = await makeInstructor();
    const c = await makeCohort({ instructorIds: [me.id] });
    const d = await makeCohort({ instructorIds: [me.id] });
    const plain = await assignModule({
      actor: me,
      cohortId: c.id,
      moduleId,
      opensAt,
      dueAt,
      showCorrectAnswers: "",
      requireAllSectionsRead: "",
    });
    expect(plain).toMatchObject({ showCorrectAnswers: "after_pass_or_last_attempt", requireAllSectionsRead: true });
    const chosen = await assignModule({
      actor: me,
      cohortId: d.id,
      moduleId,
      opensAt,
      dueAt,
      showCorrectAnswers: "never",
      requireAllSectionsRead: "no",
    });
    expect(chosen).toMatchObject({ showCorrectAnswers: "never", requireAllSectionsRead: false });
    await expect(
      assignModule({
        actor: me,
        cohortId: (await makeCohort({ instructorIds: [me.id] })).id,
        moduleId,
        opensAt,
        dueAt,
        showCorrectAnswers: "sometimes",
      }),
    ).rejects.toMatchObject({ code: "invalid", fieldErrors: { showCorrectAnswers: "Choose when learners see the correct answers." } });

    const change = { cohortId: c.id, assignmentId: plain.id, showCorrectAnswers: "after_each_attempt", requireAllSectionsRead: "no" };
    await expectNotFound(updateAssignmentQuizOptions({ actor: stranger, ...change }));
    await updateAssignmentQuizOptions({ actor: me, ...change });
    expect((await listCohortAssignments({ cohortId: c.id }))[0]).toMatchObject({
      showCorrectAnswers: "after_each_attempt",
      requireAllSectionsRead: false,
    });
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.targetId, plain.id));
    expect(entries.map((e) => e.action)).toEqual(["assignment.create", "assignment.update"]);
    expect(entries[1].details).toMatchObject({ to: { showCorrectAnswers: "after_each_attempt", requireAllSectionsRead: false } });
  });

  it("refuses learners and other instructors", async () => {
    const me = await makeInstructor();
    const c = await makeCohort({ instructorIds: [me.id] });
    await expectNotFound(assignModule({ actor: await makeInstructor(), cohortId: c.id, moduleId, opensAt, dueAt }));
    await expectNotFound(assignModule({ actor: await makeLearner(), cohortId: c.id, moduleId, opensAt, dueAt }));
    expect(await listCohortAssignments({ cohortId: c.id })).toHaveLength(0);
  });
});

describe("assign form defaults (issue 15, defect 7)", () => {
  it("open today at midnight and are due 14 days later at 11:59 p.m. on the organization's calendar", () => {
    // 03:30 UTC on Dec 2 is still Dec 1 in Chicago
    const now = new Date("2026-12-02T03:30:00Z");
    const chicago = assignmentDatesFrom(now, "America/Chicago");
    expect(chicago.opensAt.toISOString()).toBe("2026-12-01T06:00:00.000Z");
    expect(chicago.dueAt.toISOString()).toBe("2026-12-16T05:59:00.000Z");
    const ny = assignmentDatesFrom(new Date("2026-03-01T12:00:00Z"), "America/New_York");
    // across the March DST change the due time stays 11:59 p.m. local
    expect(ny.opensAt.toISOString()).toBe("2026-03-01T05:00:00.000Z");
    expect(ny.dueAt.toISOString()).toBe("2026-03-16T03:59:00.000Z");
  });

  it("read the organization's time zone", async () => {
    const d = await defaultAssignmentDates({ now: new Date("2026-12-02T03:30:00Z") });
    expect(d.opensAt.getTime()).toBeLessThan(d.dueAt.getTime());
    expect((d.dueAt.getTime() - d.opensAt.getTime()) / 86_400_000).toBeCloseTo(15, 0);
  });
});
