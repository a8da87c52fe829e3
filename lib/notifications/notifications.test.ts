/**
 * The delivery pipeline against a real database: keys make sweeps and events
 * idempotent, state at send time decides, two workers send each message once,
 * a worker that dies mid-send loses nothing, failures back off and end, and
 * reminders land at 9 a.m. in each recipient's own time zone.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { renderEmail } from "@/emails/render";
import { getDb } from "@/db/client";
import { notifications, outboxMessages, users } from "@/db/schema";
import { enrol, makeAssignment, makeCohort, makeInstructor, makeLearner, progressOf, setProgress } from "@/db/test/instructor-factories";
import { setupTestDb } from "@/db/test/test-db";
import { publishBuiltInModules } from "@/lib/learning/module/publish";
import { enqueue } from "./outbox";
import { localTime } from "./schedule";
import { SWEEP_PAUSE_RATIO, sweepReminders } from "./sweep";
import type { OutgoingEmail, Transport } from "./transport";
import { claim, LEASE_MS, MAX_ATTEMPTS, runOnce, setEmailPreference, type WorkerConfig } from "./worker";

setupTestDb();

const DAY = 86_400_000;

/** A transport that records what it was asked to send (or fails, on demand). */
function recorder(fail: (e: OutgoingEmail) => boolean = () => false) {
  const sent: OutgoingEmail[] = [];
  const transport: Transport = {
    kind: "smtp",
    async send(e) {
      if (fail(e)) throw new Error("421 try again later");
      sent.push(e);
    },
    close() {},
  };
  return { sent, transport };
}

const config = (transport: Transport): WorkerConfig => ({
  transport,
  origin: "http://localhost:3000",
  from: "Cohort <no-reply@localhost>",
  organizationName: "Test Programme",
  secret: "test-secret-test-secret",
  render: renderEmail,
});

let moduleId: string;
beforeAll(async () => {
  ({ moduleId } = await publishBuiltInModules(getDb()));
});

async function learnerWithWork({ dueInDays, timeZone }: { dueInDays: number; timeZone?: string }) {
  const instructor = await makeInstructor();
  const learner = await makeLearner(timeZone ? { timeZone } : {});
  const cohort = await makeCohort({ instructorIds: [instructor.id] });
  await enrol(cohort.id, learner.id);
  const assignment = await makeAssignment({
    cohortId: cohort.id,
    moduleId,
    opensAt: new Date(Date.now() - 10 * DAY),
    dueAt: new Date(Date.now() + dueInDays * DAY),
  });
  const progress = await progressOf(assignment.id, learner.id);
  return { instructor, learner, cohort, assignment, progress };
}

const messagesOf = (userId: string) => getDb().select().from(outboxMessages).where(eq(outboxMessages.recipientId, userId));

describe("the outbox", () => {
  it("keeps one message per recipient, kind, subject and period", async () => {
    const { learner, progress } = await learnerWithWork({ dueInDays: 7 });
    const first = await enqueue(getDb(), { recipientId: learner.id, kind: "assigned", subjectId: progress.id });
    const again = await enqueue(getDb(), { recipientId: learner.id, kind: "assigned", subjectId: progress.id });
    expect(first).toBeTruthy();
    expect(again).toBeNull();
    expect(await messagesOf(learner.id)).toHaveLength(1);
  });

  it("is written in the transaction of the event: a rolled-back event leaves no message", async () => {
    const { learner, progress } = await learnerWithWork({ dueInDays: 7 });
    await expect(
      getDb().transaction(async (tx) => {
        await enqueue(tx, { recipientId: learner.id, kind: "revision_requested", subjectId: progress.id });
        throw new Error("the event failed");
      }),
    ).rejects.toThrow("the event failed");
    expect(await messagesOf(learner.id)).toHaveLength(0);
  });
});

describe("the sweep", () => {
  it("queues a due-soon reminder once, however often it runs", async () => {
    const { learner } = await learnerWithWork({ dueInDays: 2 });
    const now = new Date();
    await sweepReminders(getDb(), now);
    await sweepReminders(getDb(), now);
    const mine = (await messagesOf(learner.id)).filter((m) => m.kind === "due_soon");
    expect(mine).toHaveLength(1);
  });

  it("pauses after each statement ten times as long as it took, so it never keeps a core busy", async () => {
    const { learner } = await learnerWithWork({ dueInDays: 2 });
    const pauses: number[] = [];
    const started = performance.now();
    await sweepReminders(getDb(), new Date(), { pause: async (ms) => void pauses.push(ms) });
    const elapsed = performance.now() - started;
    // one pause per statement (six kinds), together about ten times the sweep's own time
    expect(pauses).toHaveLength(6);
    expect(pauses.every((ms) => ms > 0)).toBe(true);
    const paused = pauses.reduce((t, ms) => t + ms, 0);
    expect(paused).toBeGreaterThan(elapsed * 5);
    expect(paused).toBeLessThanOrEqual(elapsed * SWEEP_PAUSE_RATIO);
    expect((await messagesOf(learner.id)).filter((m) => m.kind === "due_soon")).toHaveLength(1);
  });

  it("queues overdue once a week, three times at most", async () => {
    const { learner } = await learnerWithWork({ dueInDays: -1 });
    const now = new Date();
    for (const week of [0, 0, 1, 2, 3, 4]) await sweepReminders(getDb(), new Date(now.getTime() + week * 7 * DAY));
    const overdue = (await messagesOf(learner.id)).filter((m) => m.kind === "overdue").map((m) => m.key.split(":").pop());
    expect(overdue.sort()).toEqual(["week-1", "week-2", "week-3"]);
  });

  it("drops a reminder for a learner who completed after it was queued", async () => {
    const { learner, progress } = await learnerWithWork({ dueInDays: 2 });
    await sweepReminders(getDb());
    await setProgress(progress.id, { completedAt: new Date() });
    const { sent, transport } = recorder();
    const far = new Date(Date.now() + 2 * DAY);
    await runOnce(getDb(), config(transport), { now: far });
    expect(sent.filter((e) => e.to === learner.email)).toHaveLength(0);
    const [m] = (await messagesOf(learner.id)).filter((x) => x.kind === "due_soon");
    expect(m.status).toBe("dropped");
    expect(await getDb().select().from(notifications).where(eq(notifications.userId, learner.id))).toHaveLength(0);
  });

  it("sends at 9 a.m. in each learner's own time zone (Honolulu and New York)", async () => {
    const honolulu = await learnerWithWork({ dueInDays: 2, timeZone: "Pacific/Honolulu" });
    const newYork = await learnerWithWork({ dueInDays: 2, timeZone: "America/New_York" });
    const at = new Date();
    await sweepReminders(getDb(), at);
    for (const [who, tz] of [
      [honolulu.learner, "Pacific/Honolulu"],
      [newYork.learner, "America/New_York"],
    ] as const) {
      const [m] = (await messagesOf(who.id)).filter((x) => x.kind === "due_soon");
      const local = new Intl.DateTimeFormat("en-US", { timeZone: tz, hour: "numeric", minute: "2-digit", hourCycle: "h23" }).format(
        m.sendAfter,
      );
      expect(local, `${tz} gets it at 9 a.m. local`).toBe("09:00");
      expect(m.sendAfter.getTime()).toBeGreaterThanOrEqual(at.getTime() - 1000);
      expect(m.sendAfter.getTime() - at.getTime()).toBeLessThanOrEqual(DAY);
    }
    // 09:00 local and within the day after the sweep: each is its own next 9 a.m. The gap between the two is not
    // fixed: between 9 a.m. in New York and 9 a.m. in Honolulu (14:00–19:00 UTC in winter) New York's next one is
    // tomorrow's and Honolulu's today's, so the test asserts no offset (it once did, and failed in that window)
    const h = (await messagesOf(honolulu.learner.id)).find((x) => x.kind === "due_soon")!;
    const n = (await messagesOf(newYork.learner.id)).find((x) => x.kind === "due_soon")!;
    expect(h.sendAfter.getTime()).not.toBe(n.sendAfter.getTime());
  });
});

describe("the worker", () => {
  it("sends each message once with two workers at the same time", async () => {
    const learners = await Promise.all(Array.from({ length: 12 }, () => learnerWithWork({ dueInDays: 7 })));
    for (const { learner, progress } of learners)
      await enqueue(getDb(), { recipientId: learner.id, kind: "assigned", subjectId: progress.id, sendAfter: new Date(Date.now() - 1000) });
    const { sent, transport } = recorder();
    await Promise.all([
      runOnce(getDb(), config(transport), { limit: 5 }),
      runOnce(getDb(), config(transport), { limit: 5 }),
      runOnce(getDb(), config(transport), { limit: 50 }),
    ]);
    await runOnce(getDb(), config(transport));
    const ours = sent.filter((e) => learners.some((l) => l.learner.email === e.to));
    expect(ours).toHaveLength(12);
    expect(new Set(ours.map((e) => e.messageId)).size).toBe(12);
  });

  it("leaves a message claimed by a worker that died to be sent later, never lost", async () => {
    const { learner, progress } = await learnerWithWork({ dueInDays: 7 });
    const id = await enqueue(getDb(), {
      recipientId: learner.id,
      kind: "assigned",
      subjectId: progress.id,
      sendAfter: new Date(Date.now() - 1000),
    });
    const claimed = await claim(getDb(), { limit: 500 });
    expect(claimed.map((m) => m.id)).toContain(id);
    // …the worker dies here, between claiming and sending. Before the lease ends nobody else takes it:
    expect((await claim(getDb(), { limit: 500 })).map((m) => m.id)).not.toContain(id);
    const { sent, transport } = recorder();
    await runOnce(getDb(), config(transport), { now: new Date(Date.now() + LEASE_MS + 1000), limit: 500 });
    expect(sent.filter((e) => e.to === learner.email)).toHaveLength(1);
    const [m] = await getDb().select().from(outboxMessages).where(eq(outboxMessages.id, id!));
    expect(m.status).toBe("sent");
    expect(m.attempts).toBe(2);
  });

  it("retries a failing SMTP server with backoff, then ends as failed", async () => {
    const { learner, progress } = await learnerWithWork({ dueInDays: 7 });
    const id = (await enqueue(getDb(), {
      recipientId: learner.id,
      kind: "assigned",
      subjectId: progress.id,
      sendAfter: new Date(Date.now() - 1000),
    }))!;
    const { transport } = recorder((e) => e.to === learner.email);
    let now = new Date();
    const waits: number[] = [];
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await runOnce(getDb(), config(transport), { now, limit: 500 });
      const [m] = await getDb().select().from(outboxMessages).where(eq(outboxMessages.id, id));
      if (i < MAX_ATTEMPTS - 1) {
        expect(m.status).toBe("retrying");
        waits.push(m.sendAfter.getTime() - now.getTime());
        expect(m.lastError).toContain("421");
        now = new Date(m.sendAfter.getTime() + 1);
      } else expect(m.status).toBe("failed");
    }
    expect(waits).toEqual([1, 2, 4, 8].map((min) => min * 60_000));
  });

  it("shows the bell but skips the email of a kind the person turned off; a revision request always emails", async () => {
    const { learner, progress } = await learnerWithWork({ dueInDays: 7 });
    await setEmailPreference(getDb(), learner.id, "assigned", false);
    await setEmailPreference(getDb(), learner.id, "revision_requested", false);
    const past = new Date(Date.now() - 1000);
    await enqueue(getDb(), { recipientId: learner.id, kind: "assigned", subjectId: progress.id, sendAfter: past });
    await enqueue(getDb(), {
      recipientId: learner.id,
      kind: "revision_requested",
      subjectId: progress.id,
      sendAfter: past,
      payload: { progressId: progress.id, feedback: "Say more about the risk." },
    });
    const { sent, transport } = recorder();
    await runOnce(getDb(), config(transport), { limit: 500 });
    expect(sent.filter((e) => e.to === learner.email).map((e) => e.subject)).toEqual(["Your instructor asked for a revision"]);
    const bell = await getDb().select().from(notifications).where(eq(notifications.userId, learner.id));
    expect(bell.map((n) => n.kind).sort()).toEqual(["assigned", "revision_requested"]);
  });

  it("sends nothing to a deactivated account", async () => {
    const { learner, progress } = await learnerWithWork({ dueInDays: 7 });
    await enqueue(getDb(), { recipientId: learner.id, kind: "assigned", subjectId: progress.id, sendAfter: new Date(Date.now() - 1000) });
    await getDb().update(users).set({ status: "deactivated" }).where(eq(users.id, learner.id));
    const { sent, transport } = recorder();
    await runOnce(getDb(), config(transport), { limit: 500 });
    expect(sent.filter((e) => e.to === learner.email)).toHaveLength(0);
    expect((await messagesOf(learner.id))[0].status).toBe("dropped");
  });
});

describe("event timing", () => {
  it("holds a message caused at night until 9 a.m. for the recipient", async () => {
    const { learner, progress } = await learnerWithWork({ dueInDays: 7, timeZone: "America/New_York" });
    const threeAm = localTime(new Date(), "America/New_York", 3);
    await enqueue(getDb(), { recipientId: learner.id, kind: "assigned", subjectId: progress.id }, threeAm);
    const [m] = await messagesOf(learner.id);
    expect(m.sendAfter.getTime()).toBe(localTime(threeAm, "America/New_York", 9).getTime());
  });
});
