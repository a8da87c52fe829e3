/**
 * Calendar files and the private feed: RFC 5545 basics checked by parsing
 * the text back with ical.js and by reading its lines, and the feed token's
 * rules — who may issue it, what it shows, and everything that ends it.
 */
import ICAL from "ical.js";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { calendarFeeds, users } from "@/db/schema";
import { makeUser } from "@/db/test/factories";
import { enrol, makeAssignment, makeCohort, makeInstructor, makeLearner, makeReflection, progressOf } from "@/db/test/instructor-factories";
import { setupTestDb } from "@/db/test/test-db";
import { changeUserRole, setUserStatus } from "@/lib/accounts/admin";
import { publishBuiltInModules } from "@/lib/learning/module/publish";
import { erasePersonalData } from "@/lib/privacy/erasure";
import { cohortAssignmentCalendar, learnerAssignmentCalendar } from "./calendar";
import { calendarFeedOf, calendarFeedText, issueCalendarFeed, revokeCalendarFeed } from "./calendar-feeds";

setupTestDb();

const DAY = 86_400_000;
const ORIGIN = "https://training.example.org";
let moduleId: string;
let versionId: string;
beforeAll(async () => {
  ({ moduleId, versionId } = await publishBuiltInModules(getDb()));
});

const actor = (u: { id: string; email: string; name: string; role: "admin" | "instructor" | "learner" }) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
});

async function setting() {
  const instructor = await makeInstructor({ name: "Dana Rivera" });
  const learner = await makeLearner({ name: "Jordan Lee", timeZone: "Pacific/Honolulu" });
  const classmate = await makeLearner({ name: "Classmate Secretname" });
  // a long, accented name: its line must fold at 75 octets, not 75 characters
  const cohort = await makeCohort({
    instructorIds: [instructor.id],
    name: "Évening Peer Support Cohort — Ñorthside Recovery Programme of the Great Lakes Région",
  });
  await enrol(cohort.id, learner.id);
  await enrol(cohort.id, classmate.id);
  // 2 a.m. UTC on the 5th is still the 4th in Honolulu (UTC−10)
  const due = new Date(Date.now() + 10 * DAY);
  const dueAt = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth(), due.getUTCDate(), 2));
  const assignment = await makeAssignment({ cohortId: cohort.id, moduleId, dueAt });
  const progress = await progressOf(assignment.id, learner.id);
  const classmateProgress = await progressOf(assignment.id, classmate.id);
  await makeReflection({ progressId: classmateProgress.id, moduleVersionId: versionId, promptId: "p1", body: "SECRET-REFLECTION-TEXT" });
  return { instructor, learner, classmate, cohort, assignment, progress, dueAt };
}

/** RFC 5545 basics: CRLF, folded lines of at most 75 octets, a VCALENDAR of VEVENTs each with UID, DTSTAMP and a DTSTART date. */
function expectValidCalendar(text: string) {
  expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(text.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
  const cal = new ICAL.Component(ICAL.parse(text));
  expect(cal.name).toBe("vcalendar");
  expect(cal.getFirstPropertyValue("version")).toBe("2.0");
  expect(cal.getFirstPropertyValue("prodid")).toBeTruthy();
  const events = cal.getAllSubcomponents("vevent");
  for (const ev of events) {
    expect(ev.getFirstPropertyValue("uid")).toBeTruthy();
    expect(ev.getFirstProperty("dtstamp")).toBeTruthy();
    const start = ev.getFirstPropertyValue("dtstart") as ICAL.Time;
    expect(start.isDate).toBe(true);
  }
  return events;
}

describe("Add to calendar (.ics)", () => {
  it("a learner's assignment: one all-day event on the due date in their time zone, valid RFC 5545", async () => {
    const { learner, progress, dueAt } = await setting();
    const { body, filename } = await learnerAssignmentCalendar({ learner: actor(learner), progressId: progress.id, origin: ORIGIN });
    expect(filename).toMatch(/\.ics$/);
    const [ev] = expectValidCalendar(body);
    const start = ev.getFirstPropertyValue("dtstart") as ICAL.Time;
    const honolulu = new Date(dueAt.getTime() - 10 * 3600_000);
    expect([start.year, start.month, start.day]).toEqual([honolulu.getUTCFullYear(), honolulu.getUTCMonth() + 1, honolulu.getUTCDate()]);
    expect(ev.getFirstPropertyValue("uid")).toBe(`assignment-${progress.id}@cohort`);
    expect(String(ev.getFirstPropertyValue("summary"))).toContain("Évening Peer Support Cohort");
    expect(body).toMatch(/\r\n /); // the long summary is folded
  });

  it("someone else's assignment, or another instructor's cohort, is not_found", async () => {
    const a = await setting();
    const b = await setting();
    expect(
      (await learnerAssignmentCalendar({ learner: actor(b.learner), progressId: a.progress.id, origin: ORIGIN }).catch((e) => e)).code,
    ).toBe("not_found");
    const mine = await cohortAssignmentCalendar({
      actor: actor(a.instructor),
      cohortId: a.cohort.id,
      assignmentId: a.assignment.id,
      origin: ORIGIN,
    });
    expectValidCalendar(mine.body);
    for (const t of [
      { cohortId: b.cohort.id, assignmentId: b.assignment.id },
      { cohortId: a.cohort.id, assignmentId: b.assignment.id },
    ])
      expect((await cohortAssignmentCalendar({ actor: actor(a.instructor), ...t, origin: ORIGIN }).catch((e) => e)).code).toBe("not_found");
  });
});

describe("the private calendar feed", () => {
  it("is issued by a learner or instructor for themselves, shown once, stored hashed; admins have none", async () => {
    const { learner } = await setting();
    const { token, path } = await issueCalendarFeed({ actor: actor(learner) });
    expect(path).toBe(`/calendar/${token}.ics`);
    const [row] = await getDb().select().from(calendarFeeds).where(eq(calendarFeeds.userId, learner.id));
    expect(row.tokenHash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await calendarFeedOf({ userId: learner.id })).toMatchObject({ role: "learner" });
    const admin = await makeUser({ role: "admin" });
    expect((await issueCalendarFeed({ actor: actor(admin) }).catch((e) => e)).code).toMatch(/not_found|forbidden/);
  });

  it("gives a learner their own due dates only: no classmate's name, no reflection text", async () => {
    const { learner, progress } = await setting();
    const other = await setting();
    const { token } = await issueCalendarFeed({ actor: actor(learner) });
    const text = await calendarFeedText({ token, origin: ORIGIN });
    const events = expectValidCalendar(text);
    expect(events.map((e) => e.getFirstPropertyValue("uid"))).toEqual([`assignment-${progress.id}@cohort`]);
    expect(text).not.toContain("Secretname");
    expect(text).not.toContain("SECRET-REFLECTION-TEXT");
    expect(text).not.toContain(other.progress.id);
  });

  it("gives an instructor their cohorts' due dates with counts, no learner names", async () => {
    const { instructor, assignment } = await setting();
    await setting(); // another instructor's cohort
    const { token } = await issueCalendarFeed({ actor: actor(instructor) });
    const text = await calendarFeedText({ token, origin: ORIGIN });
    const events = expectValidCalendar(text);
    expect(events.map((e) => e.getFirstPropertyValue("uid"))).toEqual([`cohort-assignment-${assignment.id}@cohort`]);
    expect(String(events[0].getFirstPropertyValue("description"))).toContain("2 learners enrolled");
    expect(text).not.toContain("Jordan Lee");
    expect(text).not.toContain("Secretname");
  });

  it("dies at once on regenerate and on revoke; unknown and malformed tokens are not_found", async () => {
    const { learner } = await setting();
    const first = await issueCalendarFeed({ actor: actor(learner) });
    const second = await issueCalendarFeed({ actor: actor(learner) });
    expect((await calendarFeedText({ token: first.token, origin: ORIGIN }).catch((e) => e)).code).toBe("not_found");
    expectValidCalendar(await calendarFeedText({ token: second.token, origin: ORIGIN }));
    expect(await revokeCalendarFeed({ actor: actor(learner) })).toEqual({ revoked: true });
    expect((await calendarFeedText({ token: second.token, origin: ORIGIN }).catch((e) => e)).code).toBe("not_found");
    expect(await calendarFeedOf({ userId: learner.id })).toBeNull();
    for (const bad of ["x".repeat(43), "../../etc", ""])
      expect((await calendarFeedText({ token: bad, origin: ORIGIN }).catch((e) => e)).code).toBe("not_found");
  });

  it("dies when its owner is deactivated (and stays dead while they are), erased, or changes role", async () => {
    const admin = actor(await makeUser({ role: "admin" }));
    const a = await setting();
    const fa = await issueCalendarFeed({ actor: actor(a.learner) });
    await setUserStatus(admin, a.learner.id, "deactivated");
    expect((await calendarFeedText({ token: fa.token, origin: ORIGIN }).catch((e) => e)).code).toBe("not_found");
    await setUserStatus(admin, a.learner.id, "active");
    expectValidCalendar(await calendarFeedText({ token: fa.token, origin: ORIGIN }));

    const b = await setting();
    const fb = await issueCalendarFeed({ actor: actor(b.learner) });
    await erasePersonalData({ actor: admin, userId: b.learner.id, certificates: "remove" });
    expect((await calendarFeedText({ token: fb.token, origin: ORIGIN }).catch((e) => e)).code).toBe("not_found");
    await setUserStatus(admin, b.learner.id, "active");
    expect((await calendarFeedText({ token: fb.token, origin: ORIGIN }).catch((e) => e)).code).toBe("not_found");

    const c = await setting();
    const fc = await issueCalendarFeed({ actor: actor(c.instructor) });
    await changeUserRole(admin, c.instructor.id, "learner");
    expect((await calendarFeedText({ token: fc.token, origin: ORIGIN }).catch((e) => e)).code).toBe("not_found");
    await getDb().update(users).set({ role: "instructor" }).where(eq(users.id, c.instructor.id));
    expectValidCalendar(await calendarFeedText({ token: fc.token, origin: ORIGIN }));
  });
});
