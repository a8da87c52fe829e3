/**
 * Per-learner due dates (issue 15, item 5) and the cohort table's bulk
 * actions: an extension past today keeps a learner out of "overdue" in every
 * report (cohort progress, organisation report and its CSV, the reminder
 * sweep, the calendar); nobody outside the cohort's staff can extend or
 * remove; "select all matching" is resolved on the server inside the one
 * cohort.
 */
import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, enrolments, outboxMessages } from "@/db/schema";
import { readAll } from "@/db/test/admin-helpers";
import { enrol, expectNotFound, makeAssignment, makeCohort, makeInstructor, makeLearner, progressOf } from "@/db/test/instructor-factories";
import { makeUser } from "@/db/test/factories";
import { setupTestDb } from "@/db/test/test-db";
import { publishBuiltInModules } from "@/lib/learning/module/publish";
import { listLearnerAssignments } from "@/lib/learning/home";
import { learnerDueEvents } from "@/lib/notifications/calendar";
import { sweepReminders } from "@/lib/notifications/sweep";
import { cohortProgressCsv } from "@/lib/reports/cohort-export";
import { getCohortSummary, listCohortLearners } from "@/lib/reports/cohort-progress";
import { getOrganisationTiles, listOrganisationCohorts } from "@/lib/reports/organisation";
import { streamOrganisationExport } from "@/lib/reports/organisation-export";
import { removeLearners } from "./enrolment";
import { setDueDates } from "./extensions";

const t = setupTestDb();
const DAY = 86400_000;
const now = new Date();
const later = new Date(+now + 10 * DAY);

type U = { id: string; role: "admin" | "instructor" | "learner"; email: string; name: string };
const s = {} as {
  instructor: U;
  otherInstructor: U;
  admin: U;
  learners: Record<"late" | "extended" | "third", U>;
  cohortId: string;
  cohortName: string;
  assignmentId: string;
  otherCohortId: string;
  otherAssignmentId: string;
  outsider: U;
};

beforeAll(async () => {
  const { moduleId } = await publishBuiltInModules();
  const instructor = (await makeInstructor()) as U;
  const otherInstructor = (await makeInstructor({ name: "Other Instructor" })) as U;
  const admin = (await makeUser({ role: "admin" })) as U;
  const cohort = await makeCohort({ instructorIds: [instructor.id] });
  const learners = {
    late: (await makeLearner({ name: "Lena Late" })) as U,
    extended: (await makeLearner({ name: "Ezra Extended" })) as U,
    third: (await makeLearner({ name: "Theo Third" })) as U,
  };
  for (const l of Object.values(learners)) await enrol(cohort.id, l.id);
  // due two days ago: everyone not complete is overdue on the cohort's date
  const a = await makeAssignment({ cohortId: cohort.id, moduleId, opensAt: new Date(+now - 20 * DAY), dueAt: new Date(+now - 2 * DAY) });
  const other = await makeCohort({ instructorIds: [otherInstructor.id] });
  const outsider = (await makeLearner({ name: "Olive Outsider" })) as U;
  await enrol(other.id, outsider.id);
  const oa = await makeAssignment({ cohortId: other.id, moduleId, opensAt: new Date(+now - 20 * DAY), dueAt: new Date(+now - 2 * DAY) });
  Object.assign(s, {
    instructor,
    otherInstructor,
    admin,
    learners,
    cohortId: cohort.id,
    cohortName: cohort.name,
    assignmentId: a.id,
    otherCohortId: other.id,
    otherAssignmentId: oa.id,
    outsider,
  });
});

describe("a due-date extension", () => {
  it("is refused before the open date, with the message next to the field, and changes nothing", async () => {
    const err = await setDueDates({
      actor: s.instructor,
      cohortId: s.cohortId,
      assignmentId: s.assignmentId,
      selection: { kind: "ids", ids: [s.learners.extended.id] },
      dueAt: new Date(+now - 30 * DAY).toISOString(),
    }).catch((e) => e);
    expect(err.code).toBe("invalid");
    expect(err.fieldErrors.dueAt).toMatch(/after the assignment opens/);
    const missing = await setDueDates({
      actor: s.instructor,
      cohortId: s.cohortId,
      assignmentId: s.assignmentId,
      selection: { kind: "ids", ids: [s.learners.extended.id] },
      dueAt: "",
    }).catch((e) => e);
    expect(missing.fieldErrors.dueAt).toMatch(/Enter the new due date/);
    expect((await progressOf(s.assignmentId, s.learners.extended.id)).dueAtOverride).toBeNull();
  });

  it("keeps the learner out of overdue in every report; one without it stays overdue", async () => {
    const r = await setDueDates({
      actor: s.instructor,
      cohortId: s.cohortId,
      assignmentId: s.assignmentId,
      selection: { kind: "ids", ids: [s.learners.extended.id] },
      dueAt: later.toISOString(),
      reason: "Family emergency",
      ip: "10.0.0.1",
    });
    expect(r.outcomes).toEqual([{ learnerId: s.learners.extended.id, name: "Ezra Extended", result: "extended" }]);

    // cohort progress: table and tiles
    const table = await listCohortLearners({ actor: s.instructor, cohortId: s.cohortId, assignmentId: s.assignmentId, pageSize: "all" });
    const status = Object.fromEntries(table.rows.map((row) => [row.name, row.status]));
    expect(status).toEqual({ "Ezra Extended": "not_started", "Lena Late": "overdue", "Theo Third": "overdue" });
    const ext = table.rows.find((row) => row.name === "Ezra Extended")!;
    expect(ext.extended).toBe(true);
    expect(ext.dueAt?.getTime()).toBe(later.getTime());
    const summary = await getCohortSummary({ actor: s.instructor, cohortId: s.cohortId, assignmentId: s.assignmentId });
    expect(summary.overdue).toBe(2);
    const overdueOnly = await listCohortLearners({
      actor: s.instructor,
      cohortId: s.cohortId,
      assignmentId: s.assignmentId,
      status: "overdue",
      pageSize: "all",
    });
    expect(overdueOnly.rows.map((row) => row.name)).toEqual(["Lena Late", "Theo Third"]);

    // cohort CSV: the learner's own date
    const csv = await cohortProgressCsv({ actor: s.instructor, cohortId: s.cohortId, query: { sort: "name", dir: "asc", page: 1 } });
    const [header, ...rows] = parse(csv.body) as string[][];
    const column = (name: string) => header.indexOf(name);
    const ezra = rows.find((row) => row[0] === "Ezra Extended")!;
    expect(ezra[column("Status")]).toBe("Not started");
    expect(ezra[column("Due")]).toBe(`${later.toISOString().slice(0, 19)}Z`);
    expect(rows.find((row) => row[0] === "Lena Late")![column("Status")]).toBe("Overdue");

    // organisation report: tiles, cohort row, CSV (status filter included)
    const filters = { sort: "name" as const, dir: "asc" as const, page: 1 };
    const cohorts = await listOrganisationCohorts({ actor: s.admin, filters, pageSize: 1000 });
    expect(cohorts.rows.find((c) => c.id === s.cohortId)?.overdue).toBe(2);
    const tilesOverdue = await getOrganisationTiles({ actor: s.admin, filters: { ...filters, status: "overdue" } });
    const tilesAll = await getOrganisationTiles({ actor: s.admin, filters });
    expect(tilesAll.overdue).toBe(tilesOverdue.learnerAssignments);
    const org = parse(await readAll(streamOrganisationExport({ actor: s.admin, filters, now }))) as string[][];
    const orgRow = (name: string) => org.find((row) => row[0] === name)!;
    expect(orgRow("Ezra Extended")[8]).toBe("Not started");
    expect(orgRow("Ezra Extended")[7]).toBe(`${later.toISOString().slice(0, 19)}Z`);
    expect(orgRow("Lena Late")[8]).toBe("Overdue");
    // "Assigned" means the same in both exports (the assignment, or the learner's enrollment if later), never blank
    for (const name of ["Ezra Extended", "Lena Late"]) {
      const mine = rows.find((row) => row[0] === name)![column("Assigned")];
      expect(mine).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(mine).toBe(orgRow(name)[org[0].indexOf("Assigned")]);
    }
    const orgOverdue = parse(await readAll(streamOrganisationExport({ actor: s.admin, filters: { ...filters, status: "overdue" }, now })));
    expect((orgOverdue as string[][]).map((row) => row[0])).not.toContain("Ezra Extended");

    // learner home and calendar show the learner's own date
    const [home] = await listLearnerAssignments({ userId: s.learners.extended.id });
    expect(home.extended).toBe(true);
    expect(home.dueAt).toBeInstanceOf(Date);
    expect(home.dueAt.getTime()).toBe(later.getTime());
    expect(home.status).toBe("not_started");
    const [event] = await learnerDueEvents(t.db, s.learners.extended.id, "https://x.test", "UTC");
    expect(event.dueAt.getTime()).toBe(later.getTime());
    expect(event.description).toMatch(/extended/);

    // reminder sweep: overdue for the others, not for the extended learner
    await sweepReminders(t.db, now);
    const kinds = async (userId: string) =>
      (await t.db.select({ kind: outboxMessages.kind }).from(outboxMessages).where(eq(outboxMessages.recipientId, userId))).map(
        (m) => m.kind,
      );
    expect(await kinds(s.learners.late.id)).toContain("overdue");
    expect(await kinds(s.learners.extended.id)).not.toContain("overdue");

    // audited with the history: from, to, reason
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "progress.extend_due"), eq(auditLog.actorId, s.instructor.id)));
    expect(entry.details).toMatchObject({
      userId: s.learners.extended.id,
      from: null,
      to: later.toISOString(),
      reason: "Family emergency",
    });
  });

  it("clears back to the cohort's date, audited", async () => {
    const r = await setDueDates({
      actor: s.admin,
      cohortId: s.cohortId,
      assignmentId: s.assignmentId,
      selection: { kind: "ids", ids: [s.learners.extended.id, s.learners.late.id] },
      clear: true,
    });
    expect(r.outcomes.map((o) => o.result)).toEqual(["cleared", "unchanged"]);
    expect((await progressOf(s.assignmentId, s.learners.extended.id)).dueAtOverride).toBeNull();
    const table = await listCohortLearners({
      actor: s.admin,
      cohortId: s.cohortId,
      assignmentId: s.assignmentId,
      status: "overdue",
      pageSize: "all",
    });
    expect(table.rows).toHaveLength(3);
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, "progress.clear_extension"));
    expect(entries).toHaveLength(1);
  });
});

describe("who may extend or remove (try to break each)", () => {
  const extendAs = (actor: U, cohortId = s.cohortId, assignmentId = s.assignmentId, ids = [s.learners.third.id]) =>
    setDueDates({ actor, cohortId, assignmentId, selection: { kind: "ids", ids }, dueAt: later.toISOString() });

  it("a learner cannot extend (not even their own) or remove", async () => {
    await expectNotFound(extendAs(s.learners.third));
    await expectNotFound(
      removeLearners({
        actor: s.learners.third,
        cohortId: s.cohortId,
        assignmentId: null,
        selection: { kind: "ids", ids: [s.learners.late.id] },
      }),
    );
  });

  it("another cohort's instructor cannot extend or remove here, by ids or by filter", async () => {
    await expectNotFound(extendAs(s.otherInstructor));
    await expectNotFound(
      setDueDates({
        actor: s.otherInstructor,
        cohortId: s.cohortId,
        assignmentId: s.assignmentId,
        selection: { kind: "matching" },
        dueAt: later.toISOString(),
      }),
    );
    await expectNotFound(
      removeLearners({ actor: s.otherInstructor, cohortId: s.cohortId, assignmentId: null, selection: { kind: "matching" } }),
    );
    // their own cohort, with this cohort's assignment: not found either
    await expectNotFound(extendAs(s.otherInstructor, s.otherCohortId, s.assignmentId, [s.outsider.id]));
    expect((await progressOf(s.assignmentId, s.learners.third.id)).dueAtOverride).toBeNull();
    const [still] = await t.db
      .select({ status: enrolments.status })
      .from(enrolments)
      .where(and(eq(enrolments.cohortId, s.cohortId), eq(enrolments.userId, s.learners.late.id)));
    expect(still.status).toBe("active");
  });

  it("ids of another cohort's learner are skipped, never touched", async () => {
    const r = await extendAs(s.instructor, s.cohortId, s.assignmentId, [s.learners.third.id, s.outsider.id]);
    expect(r.missing).toBe(1);
    expect(r.outcomes.map((o) => o.name)).toEqual(["Theo Third"]);
    expect((await progressOf(s.otherAssignmentId, s.outsider.id)).dueAtOverride).toBeNull();
    const removed = await removeLearners({
      actor: s.instructor,
      cohortId: s.cohortId,
      assignmentId: null,
      selection: { kind: "ids", ids: [s.outsider.id] },
    }).catch((e) => e);
    expect(removed.outcomes ?? []).toEqual([]);
    const [outsiderEnrolment] = await t.db
      .select({ status: enrolments.status })
      .from(enrolments)
      .where(eq(enrolments.userId, s.outsider.id));
    expect(outsiderEnrolment.status).toBe("active");
  });
});

describe("select all matching", () => {
  it("is resolved on the server from the filter, inside the one cohort", async () => {
    const r = await setDueDates({
      actor: s.instructor,
      cohortId: s.cohortId,
      assignmentId: s.assignmentId,
      selection: { kind: "matching", q: "e" },
      dueAt: later.toISOString(),
    });
    // every learner of this cohort whose name or email has an "e", and nobody of the other cohort
    expect(r.outcomes.map((o) => o.name).sort()).toEqual(["Ezra Extended", "Lena Late", "Theo Third"]);
    expect((await progressOf(s.otherAssignmentId, s.outsider.id)).dueAtOverride).toBeNull();
  });

  it("removes only the learners matching the filter, one audit entry each, records kept", async () => {
    const r = await removeLearners({
      actor: s.instructor,
      cohortId: s.cohortId,
      assignmentId: s.assignmentId,
      selection: { kind: "matching", q: "Lena" },
    });
    expect(r.outcomes).toEqual([{ learnerId: s.learners.late.id, name: "Lena Late", result: "removed" }]);
    const rows = await t.db.select({ userId: enrolments.userId, status: enrolments.status }).from(enrolments);
    const statusOf = Object.fromEntries(rows.map((row) => [row.userId, row.status]));
    expect(statusOf[s.learners.late.id]).toBe("removed");
    expect(statusOf[s.learners.third.id]).toBe("active");
    expect(statusOf[s.outsider.id]).toBe("active");
    await progressOf(s.assignmentId, s.learners.late.id); // the progress row is kept
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, "enrolment.remove"));
    expect(entries).toHaveLength(1);
  });
});
