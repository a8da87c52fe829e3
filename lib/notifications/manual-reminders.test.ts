/**
 * "Send a reminder now": one manual reminder per learner per assignment in
 * any 24 hours (a second send skips them and says so), through the outbox,
 * one audit entry per send, and only to learners of a cohort one teaches.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { renderEmail } from "@/emails/render";
import { getDb } from "@/db/client";
import { auditLog, notifications, outboxMessages } from "@/db/schema";
import { enrol, makeAssignment, makeCohort, makeInstructor, makeLearner, progressOf, setProgress } from "@/db/test/instructor-factories";
import { setupTestDb } from "@/db/test/test-db";
import { publishBuiltInModules } from "@/lib/learning/module/publish";
import { previewManualReminder, sendManualReminders } from "./manual-reminders";
import type { Transport } from "./transport";
import { runOnce } from "./worker";

setupTestDb();

const DAY = 86_400_000;
const HOUR = 3_600_000;
let moduleId: string;
beforeAll(async () => {
  ({ moduleId } = await publishBuiltInModules(getDb()));
});

const asActor = (u: { id: string; email: string; name: string; role: "instructor" | "learner" | "admin" }) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
});

async function cohortWithLearners(n: number) {
  const instructor = await makeInstructor({ name: "Dana Rivera" });
  // noon UTC is daytime in every US zone: the reminder is due at once, not held for 9 a.m.
  const learners = await Promise.all(
    Array.from({ length: n }, (_, i) => makeLearner({ name: `Learner ${i}`, timeZone: "America/New_York" })),
  );
  const cohort = await makeCohort({ instructorIds: [instructor.id] });
  for (const l of learners) await enrol(cohort.id, l.id);
  const assignment = await makeAssignment({ cohortId: cohort.id, moduleId, dueAt: new Date(Date.now() + 5 * DAY) });
  return { instructor: asActor(instructor), learners, cohort, assignment };
}

const remindersOf = (userId: string) =>
  getDb()
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.recipientId, userId), eq(outboxMessages.kind, "manual_reminder")));

const noon = (d = new Date()) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 17));

describe("sending a manual reminder", () => {
  it("queues one per chosen learner, skips them for 24 hours and says so, then allows another", async () => {
    const { instructor, learners, cohort, assignment } = await cohortWithLearners(3);
    const now = noon();
    const ids = learners.map((l) => l.id);
    const first = await sendManualReminders({ actor: instructor, cohortId: cohort.id, assignmentId: assignment.id, learners: ids, now });
    expect(first.sent).toBe(3);
    expect(first.outcomes.every((o) => o.sent)).toBe(true);
    for (const l of learners) expect(await remindersOf(l.id)).toHaveLength(1);

    const again = await sendManualReminders({
      actor: instructor,
      cohortId: cohort.id,
      assignmentId: assignment.id,
      learners: ids,
      now: new Date(now.getTime() + 23 * HOUR),
    });
    expect(again.sent).toBe(0);
    expect(again.outcomes).toHaveLength(3);
    for (const o of again.outcomes) expect(o).toMatchObject({ sent: false, reason: "recent", lastSentAt: now });
    for (const l of learners) expect(await remindersOf(l.id)).toHaveLength(1);

    const later = await sendManualReminders({
      actor: instructor,
      cohortId: cohort.id,
      assignmentId: assignment.id,
      learners: [ids[0]],
      now: new Date(now.getTime() + 24 * HOUR + 60_000),
    });
    expect(later.sent).toBe(1);
    expect(await remindersOf(ids[0])).toHaveLength(2);
  });

  it("two sends at once still queue one reminder per learner", async () => {
    const { instructor, learners, cohort, assignment } = await cohortWithLearners(2);
    const now = noon();
    const send = () =>
      sendManualReminders({ actor: instructor, cohortId: cohort.id, assignmentId: assignment.id, learners: "not_complete", now });
    const [a, b] = await Promise.all([send(), send()]);
    expect(a.sent + b.sent).toBe(2);
    for (const l of learners) expect(await remindersOf(l.id)).toHaveLength(1);
  });

  it('"everyone not complete" leaves out the complete; a chosen complete learner is skipped with the reason', async () => {
    const { instructor, learners, cohort, assignment } = await cohortWithLearners(3);
    await setProgress((await progressOf(assignment.id, learners[1].id)).id, { completedAt: new Date() });
    const all = await sendManualReminders({
      actor: instructor,
      cohortId: cohort.id,
      assignmentId: assignment.id,
      learners: "not_complete",
    });
    expect(all.sent).toBe(2);
    expect(all.outcomes.map((o) => o.learnerId).sort()).toEqual([learners[0].id, learners[2].id].sort());
    const chosen = await sendManualReminders({
      actor: instructor,
      cohortId: cohort.id,
      assignmentId: assignment.id,
      learners: [learners[1].id],
    });
    expect(chosen.outcomes).toEqual([{ learnerId: learners[1].id, name: learners[1].name, sent: false, reason: "complete" }]);
  });

  it("writes one audit entry per send, with the count", async () => {
    const { instructor, learners, cohort, assignment } = await cohortWithLearners(3);
    await sendManualReminders({ actor: instructor, cohortId: cohort.id, assignmentId: assignment.id, learners: learners.map((l) => l.id) });
    const entries = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "reminder.send"), eq(auditLog.targetId, cohort.id)));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: instructor.id, details: { assignmentId: assignment.id, sent: 3, skipped: 0 } });
  });

  it("refuses a learner who is not in the cohort (not_found) and sends nothing", async () => {
    const { instructor, learners, cohort, assignment } = await cohortWithLearners(1);
    const outsider = await makeLearner();
    const other = await cohortWithLearners(1);
    for (const stranger of [outsider.id, other.learners[0].id, "not-a-uuid"]) {
      const e = await sendManualReminders({
        actor: instructor,
        cohortId: cohort.id,
        assignmentId: assignment.id,
        learners: [learners[0].id, stranger],
      }).catch((x) => x);
      expect(e.code).toBe("not_found");
    }
    expect(await remindersOf(learners[0].id)).toHaveLength(0);
    expect(await remindersOf(other.learners[0].id)).toHaveLength(0);
  });

  it("refuses another instructor's cohort, an assignment of another cohort, and learners (not_found / forbidden), sending nothing", async () => {
    const mine = await cohortWithLearners(1);
    const theirs = await cohortWithLearners(1);
    const tries = [
      { actor: mine.instructor, cohortId: theirs.cohort.id, assignmentId: theirs.assignment.id, learners: [theirs.learners[0].id] },
      { actor: mine.instructor, cohortId: mine.cohort.id, assignmentId: theirs.assignment.id, learners: [mine.learners[0].id] },
      { actor: mine.instructor, cohortId: theirs.cohort.id, assignmentId: theirs.assignment.id, learners: "not_complete" as const },
    ];
    for (const t of tries) expect((await sendManualReminders(t).catch((x) => x)).code).toBe("not_found");
    const learner = asActor(mine.learners[0]);
    const e = await sendManualReminders({
      actor: learner,
      cohortId: mine.cohort.id,
      assignmentId: mine.assignment.id,
      learners: "not_complete",
    }).catch((x) => x);
    expect(["not_found", "forbidden"]).toContain(e.code);
    expect(
      (
        await previewManualReminder({ actor: mine.instructor, cohortId: theirs.cohort.id, assignmentId: theirs.assignment.id }).catch(
          (x) => x,
        )
      ).code,
    ).toBe("not_found");
    expect(await remindersOf(theirs.learners[0].id)).toHaveLength(0);
    expect(await remindersOf(mine.learners[0].id)).toHaveLength(0);
  });

  it("is delivered as the preview says, and dropped for a learner who completed in between", async () => {
    const { instructor, learners, cohort, assignment } = await cohortWithLearners(2);
    const preview = await previewManualReminder({ actor: instructor, cohortId: cohort.id, assignmentId: assignment.id });
    expect(preview.body).toContain("Dana Rivera sent you a reminder");
    await sendManualReminders({ actor: instructor, cohortId: cohort.id, assignmentId: assignment.id, learners: "not_complete" });
    await setProgress((await progressOf(assignment.id, learners[1].id)).id, { completedAt: new Date() });
    const transport: Transport = { kind: "smtp", async send() {}, close() {} };
    await getDb()
      .update(outboxMessages)
      .set({ sendAfter: new Date(Date.now() - 1000) })
      .where(eq(outboxMessages.kind, "manual_reminder"));
    await runOnce(getDb(), {
      transport,
      origin: "http://localhost:3000",
      from: "x@localhost",
      organizationName: "P",
      secret: "s".repeat(20),
      render: renderEmail,
    });
    const [got] = await getDb().select().from(notifications).where(eq(notifications.userId, learners[0].id));
    expect(got).toMatchObject({ title: preview.title, body: expect.stringContaining("Dana Rivera sent you a reminder") });
    expect(await getDb().select().from(notifications).where(eq(notifications.userId, learners[1].id))).toHaveLength(0);
    const [dropped] = await remindersOf(learners[1].id);
    expect(dropped.status).toBe("dropped");
  });
});
