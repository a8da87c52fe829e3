/**
 * The admin's people actions (lib/accounts/people.ts, app/admin/users/people-actions.ts,
 * app/admin/cohorts/actions.ts), each tried by someone who may not use it,
 * then the rules they keep: a taken email, per-field messages, the audit
 * entry before → after, the person told at both addresses, links that end.
 * The session is the one thing stubbed.
 */
import { and, eq, sql } from "drizzle-orm";
import { renderEmail } from "@/emails/render";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { accountTokens, auditLog, cohorts, enrolments, notifications, outboxMessages, users } from "@/db/schema";
import { getDb } from "@/db/client";
import { makeUser, uniqueEmail } from "@/db/test/factories";
import { makeCohort, makeInstructor, makeLearner } from "@/db/test/instructor-factories";
import { setupTestDb } from "@/db/test/test-db";
import type { CurrentUser } from "@/app/_edge/session";
import { createAccountToken } from "@/lib/accounts/set-password-links";
import { createLearnerAccount, enrolExistingLearner, updatePersonDetails } from "@/lib/accounts/people";
import { DomainError } from "@/lib/platform/errors";
import { importRosterRows, parseRoster, previewRoster } from "@/lib/cohorts/roster-import";
import type { OutgoingEmail, Transport } from "@/lib/notifications/transport";
import { runOnce } from "@/lib/notifications/worker";

const who = vi.hoisted(() => ({ user: null as null | CurrentUser }));
vi.mock("@/app/_edge/session", () => ({ getCurrentUser: async () => who.user }));
vi.mock("@/app/_edge/http", async (original) => ({
  ...(await original<typeof import("@/app/_edge/http")>()),
  clientIp: async () => "127.0.0.1",
  requestPath: async () => null,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "cohort.test", origin: "http://cohort.test" }) }));

const t = setupTestDb();
const as = (u: { id: string; email: string; name: string; role: CurrentUser["role"] }) => {
  who.user = { ...u, sessionId: "00000000-0000-0000-0000-000000000000" };
};
const form = (values: Record<string, string | string[]>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) for (const one of [v].flat()) fd.append(k, one);
  return fd;
};
const actorOf = (u: { id: string; email: string; role: CurrentUser["role"] }) => ({ id: u.id, email: u.email, role: u.role });
const userRow = async (id: string) => (await t.db.select().from(users).where(eq(users.id, id)))[0];
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as DomainError,
  );

let admin: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  admin = await makeUser({ role: "admin", name: "People Admin" });
});

describe("who may use the admin's people actions", () => {
  it("an instructor or a learner cannot create a learner, enrol one, edit a name or email, or create a cohort as an admin", async () => {
    const { createLearnerAction, enrolExistingLearnerAction, updatePersonDetailsAction } = await import("./people-actions");
    const { createCohortAsAdmin, enrolByEmailAsAdmin, previewRosterAsAdmin, importRosterChunkAsAdmin } =
      await import("@/app/admin/cohorts/actions");
    const instructor = await makeInstructor();
    const learner = await makeLearner();
    const victim = await makeLearner({ name: "Victim Name" });
    const cohort = await makeCohort({ instructorIds: [instructor.id] });
    const newEmail = uniqueEmail("nobody");
    const countUsers = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(users))[0].n;
    const countCohorts = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(cohorts))[0].n;
    for (const u of [instructor, learner]) {
      as(u);
      const before = { users: await countUsers(), cohorts: await countCohorts() };
      const answers = await Promise.allSettled([
        createLearnerAction(undefined, form({ name: "Made Up", email: newEmail, cohortId: cohort.id })),
        updatePersonDetailsAction(undefined, form({ userId: victim.id, name: "Changed", email: uniqueEmail("changed") })),
        enrolExistingLearnerAction(undefined, form({ userId: victim.id, cohortId: cohort.id })),
        createCohortAsAdmin(undefined, form({ name: "Sneaky", description: "", instructorIds: [instructor.id] })),
        enrolByEmailAsAdmin(undefined, form({ cohortId: cohort.id, email: newEmail, name: "Made Up" })),
        previewRosterAsAdmin(undefined, form({ cohortId: cohort.id, csv: `name,email\nA,${newEmail}` })),
        importRosterChunkAsAdmin(undefined, form({ cohortId: cohort.id, rows: JSON.stringify([{ line: 2, name: "A", email: newEmail }]) })),
      ]);
      // the action answers 404 (Next's notFound) before it reads the form
      for (const a of answers)
        expect(a).toMatchObject({ status: "rejected", reason: expect.objectContaining({ message: expect.stringContaining("404") }) });
      expect(await countUsers()).toBe(before.users);
      expect(await countCohorts()).toBe(before.cohorts);
      expect(await userRow(victim.id)).toMatchObject({ name: "Victim Name", email: victim.email });
      expect(await t.db.select().from(enrolments).where(eq(enrolments.userId, victim.id))).toHaveLength(0);
      // and the domain functions refuse them the same way (not found, as for anything they may not see)
      for (const p of [
        createLearnerAccount({ actor: actorOf(u), name: "X", email: newEmail }),
        updatePersonDetails({ actor: actorOf(u), userId: victim.id, name: "X", email: victim.email }),
        enrolExistingLearner({ actor: actorOf(u), userId: victim.id, cohortId: cohort.id }),
      ]) {
        expect((await errorOf(p))?.code).toBe("not_found");
      }
    }
  });
});

describe("an admin edits a person's name and email", () => {
  it("refuses an email another account has (any case), with the message next to the field, and changes nothing", async () => {
    const { updatePersonDetailsAction } = await import("./people-actions");
    const person = await makeLearner({ name: "Dana Kept" });
    const other = await makeLearner();
    as(admin);
    const answer = await updatePersonDetailsAction(
      undefined,
      form({ userId: person.id, name: "Dana New", email: other.email.toUpperCase() }),
    );
    expect(answer).toMatchObject({ ok: false, fieldErrors: { email: expect.stringContaining("Another account already uses this email") } });
    expect(await userRow(person.id)).toMatchObject({ name: "Dana Kept", email: person.email });
    expect(await t.db.select().from(auditLog).where(eq(auditLog.targetId, person.id))).toHaveLength(0);
  });

  it("refuses a blank name and a malformed email, each next to its field", async () => {
    const { updatePersonDetailsAction } = await import("./people-actions");
    const person = await makeLearner({ name: "Eli Kept" });
    as(admin);
    const answer = await updatePersonDetailsAction(undefined, form({ userId: person.id, name: "  ", email: "not-an-email" }));
    expect(answer).toMatchObject({ ok: false, fieldErrors: { name: expect.any(String) } });
    const second = await updatePersonDetailsAction(undefined, form({ userId: person.id, name: "Eli", email: "not-an-email" }));
    expect(second).toMatchObject({ ok: false, fieldErrors: { email: expect.stringContaining("valid email") } });
    expect(await userRow(person.id)).toMatchObject({ name: "Eli Kept", email: person.email });
  });

  it("an email change is audited before → after, ends open set-password links, and tells both addresses (the bell once)", async () => {
    const person = await makeLearner({ name: "Fay Old", passwordHash: null });
    await createAccountToken(t.db, { userId: person.id, purpose: "set_password", createdBy: admin.id });
    const newEmail = uniqueEmail("fay.new");
    const now = new Date();
    const r = await updatePersonDetails({ actor: actorOf(admin), userId: person.id, name: "Fay New", email: newEmail, now });
    expect(r).toMatchObject({ changed: true, emailChanged: true, linksRevoked: 1 });
    expect(await userRow(person.id)).toMatchObject({ name: "Fay New", email: newEmail });
    const open = await t.db
      .select()
      .from(accountTokens)
      .where(and(eq(accountTokens.userId, person.id), sql`${accountTokens.revokedAt} is null`));
    expect(open).toHaveLength(0);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, person.id), eq(auditLog.action, "user.update_details")));
    expect(entry.details).toMatchObject({
      before: { name: "Fay Old", email: person.email },
      after: { name: "Fay New", email: newEmail },
      linksRevoked: 1,
    });

    const sent: OutgoingEmail[] = [];
    const transport: Transport = { kind: "smtp", send: async (e) => void sent.push(e), close() {} };
    await runOnce(
      getDb(),
      {
        transport,
        render: renderEmail,
        origin: "http://cohort.test",
        from: "c@cohort.test",
        organizationName: "Org",
        secret: "s".repeat(32),
      },
      {
        now: new Date(now.getTime() + 1000),
      },
    );
    const mine = sent.filter((e) => e.to === newEmail || e.to === person.email);
    expect(mine.map((e) => e.to).sort()).toEqual([newEmail, person.email].sort());
    expect(mine.find((e) => e.to === newEmail)?.text).toContain(`You now sign in with ${newEmail}`);
    // the old address is not told the new one
    expect(mine.find((e) => e.to === person.email)?.text).not.toContain(newEmail);
    const bell = await t.db.select().from(notifications).where(eq(notifications.userId, person.id));
    expect(bell).toHaveLength(1);
    expect(bell[0]).toMatchObject({ kind: "account_changed", link: "/account" });
  });

  it("a name change alone keeps links and sends one message; saving the same values changes nothing", async () => {
    const person = await makeLearner({ name: "Gus Old", passwordHash: null });
    await createAccountToken(t.db, { userId: person.id, purpose: "set_password", createdBy: admin.id });
    const r = await updatePersonDetails({ actor: actorOf(admin), userId: person.id, name: "Gus New", email: person.email.toUpperCase() });
    expect(r).toMatchObject({ changed: true, emailChanged: false, linksRevoked: 0 });
    expect(await t.db.select().from(outboxMessages).where(eq(outboxMessages.recipientId, person.id))).toHaveLength(1);
    expect(await updatePersonDetails({ actor: actorOf(admin), userId: person.id, name: "Gus New", email: person.email })).toEqual({
      changed: false,
    });
  });
});

describe("an admin creates and enrols learners", () => {
  it("creates a learner without a password, with a set-password link, enrolled in the cohort chosen", async () => {
    const cohort = await makeCohort({ instructorIds: [(await makeInstructor()).id] });
    const email = uniqueEmail("hana");
    const made = await createLearnerAccount({ actor: actorOf(admin), name: "Hana New", email, cohortId: cohort.id });
    expect(made.path).toMatch(/^\/set-password\//);
    const row = await userRow(made.learner.id);
    expect(row).toMatchObject({ role: "learner", passwordHash: null, createdBy: admin.id });
    expect(await t.db.select().from(enrolments).where(eq(enrolments.userId, row.id))).toMatchObject([
      { cohortId: cohort.id, status: "active" },
    ]);
    // the same email again: refused next to the field, nothing made twice
    const again = await errorOf(createLearnerAccount({ actor: actorOf(admin), name: "Hana Twice", email: email.toUpperCase() }));
    expect(again?.fieldErrors).toMatchObject({ email: expect.stringContaining("Another account already uses this email") });
    expect(
      await t.db
        .select()
        .from(users)
        .where(sql`lower(${users.email}) = ${email}`),
    ).toHaveLength(1);
  });

  it("enrols an existing learner in any cohort, but not a staff account or an unknown cohort", async () => {
    const learner = await makeLearner();
    const cohort = await makeCohort({ instructorIds: [(await makeInstructor()).id] });
    expect(await enrolExistingLearner({ actor: actorOf(admin), userId: learner.id, cohortId: cohort.id })).toBe("enrolled");
    expect(await enrolExistingLearner({ actor: actorOf(admin), userId: learner.id, cohortId: cohort.id })).toBe("already");
    const staff = await makeInstructor();
    expect((await errorOf(enrolExistingLearner({ actor: actorOf(admin), userId: staff.id, cohortId: cohort.id })))?.code).toBe("invalid");
    expect(
      (await errorOf(enrolExistingLearner({ actor: actorOf(admin), userId: learner.id, cohortId: "00000000-0000-0000-0000-000000000000" })))
        ?.code,
    ).toBe("not_found");
  });

  it("creates a cohort with the instructors chosen; an inactive or made-up instructor is refused next to the field", async () => {
    const { createCohortAsAdmin } = await import("@/app/admin/cohorts/actions");
    const teacher = await makeInstructor();
    as(admin);
    const bad = await createCohortAsAdmin(undefined, form({ name: "Admin made", description: "", instructorIds: [teacher.id, "x"] }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { instructorIds: expect.any(String) } });
    const none = await createCohortAsAdmin(undefined, form({ name: "Admin made", description: "" }));
    expect(none).toMatchObject({ ok: false, fieldErrors: { instructorIds: expect.any(String) } });
    // success redirects (Next's redirect throws its own error)
    await expect(
      createCohortAsAdmin(undefined, form({ name: "Admin made", description: "", instructorIds: [teacher.id] })),
    ).rejects.toThrow();
    const [made] = await t.db.select().from(cohorts).where(eq(cohorts.name, "Admin made"));
    expect(made).toBeTruthy();
  });

  it("a CSV with a bad row: the preview gives that row its reason, the import saves the good rows, and a second import keeps them", async () => {
    const cohort = await makeCohort({ instructorIds: [(await makeInstructor()).id] });
    const good = [uniqueEmail("ivy"), uniqueEmail("jon")];
    const csv = `name,email\nIvy Good,${good[0]}\n,missing-name@example.org\nJon Good,${good[1]}\nBad Email,not-an-email\n`;
    const preview = await previewRoster({ actor: actorOf(admin), cohortId: cohort.id, csv });
    expect(preview.counts).toMatchObject({ new: 2, error: 2 });
    const errors = preview.rows.filter((r) => r.outcome === "error");
    expect(errors.map((r) => r.line)).toEqual([3, 5]);
    for (const e of errors) expect(e.reason).toBeTruthy();
    const result = await importRosterRows({ actor: actorOf(admin), cohortId: cohort.id, rows: parseRoster(csv) });
    expect(result.counts).toMatchObject({ created: 2, skipped: 2 });
    // importing the same file again adds nothing and loses nothing
    const again = await importRosterRows({ actor: actorOf(admin), cohortId: cohort.id, rows: parseRoster(csv) });
    expect(again.counts).toMatchObject({ created: 0, already: 2 });
    const enrolled = await t.db.select().from(enrolments).where(eq(enrolments.cohortId, cohort.id));
    expect(enrolled).toHaveLength(2);
  });
});
