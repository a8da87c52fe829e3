import { readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accountTokens, assignmentProgress, auditLog, cohortInvites, enrolments, users } from "@/db/schema";
import { makeUser, TEST_PASSWORD, uniqueEmail } from "@/db/test/factories";
import { enrol, expectNotFound, makeAssignment, makeCohort, makeInstructor, makeLearner } from "@/db/test/instructor-factories";
import { setupTestDb } from "@/db/test/test-db";
import { lookupAccountToken } from "@/lib/accounts/set-password-links";
import { verifyPassword } from "@/lib/accounts/password";
import { publishBuiltInModules } from "@/lib/learning/module/publish";
import { createCohortInvite, joinCohortWithInvite, lookupCohortInvite, revokeCohortInvite, signUpWithInvite } from "./invite-links";
import { setCohortArchived } from "./cohorts";
import { enrolByEmail, issueSetPasswordLink, reenrolLearner, removeLearner } from "./enrolment";
import { acceptPendingEnrolment, listPendingEnrolments } from "./pending-enrolments";
import { importRosterRows, previewRoster } from "./roster-import";

const t = setupTestDb();
let moduleId: string;
beforeAll(async () => {
  ({ moduleId } = await publishBuiltInModules());
});

async function setup() {
  const instructor = await makeInstructor();
  const cohort = await makeCohort({ instructorIds: [instructor.id] });
  const assignment = await makeAssignment({ cohortId: cohort.id, moduleId });
  return { instructor, cohort, assignment };
}

const enrolmentOf = async (cohortId: string, userId: string) =>
  (
    await t.db
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.cohortId, cohortId), eq(enrolments.userId, userId)))
  )[0];
const progressRows = async (cohortId: string, userId: string) =>
  t.db
    .select()
    .from(assignmentProgress)
    .where(and(eq(assignmentProgress.cohortId, cohortId), eq(assignmentProgress.userId, userId)));
const auditCount = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0].n;

describe("adding by email", () => {
  it("asks an existing learner to accept, then enrols them with a progress row, once", async () => {
    const { instructor, cohort, assignment } = await setup();
    const learner = await makeLearner();
    const r = await enrolByEmail({ actor: instructor, cohortId: cohort.id, email: ` ${learner.email.toUpperCase()} ` });
    expect(r).toEqual({ outcome: "offered", learner: { email: learner.email }, userId: learner.id });
    expect(await enrolmentOf(cohort.id, learner.id)).toBeUndefined();
    expect((await enrolByEmail({ actor: instructor, cohortId: cohort.id, email: learner.email })).outcome).toBe("already_offered");
    const [offer] = await listPendingEnrolments({ learner });
    await acceptPendingEnrolment({ learner, pendingId: offer.id });
    expect((await enrolmentOf(cohort.id, learner.id)).source).toBe("email");
    const rows = await progressRows(cohort.id, learner.id);
    expect(rows.map((p) => p.assignmentId)).toEqual([assignment.id]);
    const again = await enrolByEmail({ actor: instructor, cohortId: cohort.id, email: learner.email });
    expect(again.outcome).toBe("already");
    expect(await progressRows(cohort.id, learner.id)).toHaveLength(1);
  });

  it("creates an account without a password for an unknown email and hands back a set-password link", async () => {
    const { instructor, cohort } = await setup();
    const email = uniqueEmail("new");
    await expect(enrolByEmail({ actor: instructor, cohortId: cohort.id, email })).rejects.toThrow(/name/);
    const r = await enrolByEmail({ actor: instructor, cohortId: cohort.id, email, name: "Nina New" });
    expect(r.outcome).toBe("created");
    const [u] = await t.db.select().from(users).where(eq(users.email, email));
    expect(u).toMatchObject({ role: "learner", passwordHash: null, name: "Nina New" });
    const token = r.setPasswordPath!.split("/").pop()!;
    const found = await lookupAccountToken(token);
    expect(found).toMatchObject({ ok: true, purpose: "set_password" });
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.actorId, instructor.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["user.create", "enrolment.create"]));
  });

  it("refuses staff emails and malformed addresses", async () => {
    const { instructor, cohort } = await setup();
    const staff = await makeInstructor();
    await expect(enrolByEmail({ actor: instructor, cohortId: cohort.id, email: staff.email })).rejects.toThrow(/staff account/);
    await expect(enrolByEmail({ actor: instructor, cohortId: cohort.id, email: "not-an-email", name: "X" })).rejects.toThrow(/valid email/);
    expect(await enrolmentOf(cohort.id, staff.id)).toBeUndefined();
  });

  it("removing keeps the records, and adding again brings the learner back", async () => {
    const { instructor, cohort } = await setup();
    const learner = await makeLearner();
    await enrolByEmail({ actor: instructor, cohortId: cohort.id, email: learner.email });
    await acceptPendingEnrolment({ learner, pendingId: (await listPendingEnrolments({ learner }))[0].id });
    const [before] = await progressRows(cohort.id, learner.id);
    await removeLearner({ actor: instructor, cohortId: cohort.id, learnerId: learner.id });
    expect((await enrolmentOf(cohort.id, learner.id)).status).toBe("removed");
    expect(await progressRows(cohort.id, learner.id)).toHaveLength(1);
    await reenrolLearner({ actor: instructor, cohortId: cohort.id, learnerId: learner.id });
    expect((await enrolmentOf(cohort.id, learner.id)).status).toBe("active");
    const [after] = await progressRows(cohort.id, learner.id);
    expect(after.id).toBe(before.id);
    const actions = (
      await t.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.targetId, `${cohort.id}:${learner.id}`))
    ).map((a) => a.action);
    expect(actions).toEqual(["enrolment.offer", "enrolment.accept", "enrolment.create", "enrolment.remove", "enrolment.reactivate"]);
  });

  it("gives set-password links only for accounts that have no password", async () => {
    const { instructor, cohort } = await setup();
    const withPassword = await makeLearner();
    await enrolByEmail({ actor: instructor, cohortId: cohort.id, email: withPassword.email });
    await expectNotFound(issueSetPasswordLink({ actor: instructor, cohortId: cohort.id, learnerId: withPassword.id }));
    const r = await enrolByEmail({ actor: instructor, cohortId: cohort.id, email: uniqueEmail(), name: "Pat" });
    if (r.outcome !== "created") throw new Error("expected a new account");
    const first = r.setPasswordPath!.split("/").pop()!;
    const again = await issueSetPasswordLink({ actor: instructor, cohortId: cohort.id, learnerId: r.learner.id });
    // the new link works; the old one stops
    expect(await lookupAccountToken(again.path.split("/").pop()!)).toMatchObject({ ok: true });
    expect(await lookupAccountToken(first)).toMatchObject({ ok: false, reason: "revoked" });
  });

  it("changes nothing in an archived cohort, and its invite links say it is closed", async () => {
    const { instructor, cohort } = await setup();
    const { token } = await createCohortInvite({ actor: instructor, cohortId: cohort.id, days: 7, maxUses: 5 });
    await setCohortArchived({ actor: instructor, cohortId: cohort.id, archived: true });
    const learner = await makeLearner();
    await expect(enrolByEmail({ actor: instructor, cohortId: cohort.id, email: learner.email })).rejects.toThrow(/archived/);
    expect(await lookupCohortInvite(token)).toEqual({ ok: false, reason: "closed" });
    await expect(joinCohortWithInvite({ user: learner, token })).rejects.toThrow(/closed/);
    expect(await enrolmentOf(cohort.id, learner.id)).toBeUndefined();
  });
});

describe("invite links", () => {
  const tokenOf = (path: string) => path.split("/").pop()!;

  it("stores only the hash and lets a signed-in learner join with one click; joining twice uses nothing", async () => {
    const { instructor, cohort, assignment } = await setup();
    const { token, invite } = await createCohortInvite({ actor: instructor, cohortId: cohort.id, days: 7, maxUses: 5 });
    expect(invite.tokenHash).not.toContain(token);
    expect(JSON.stringify(await t.db.select().from(cohortInvites).where(eq(cohortInvites.id, invite.id)))).not.toContain(token);
    const learner = await makeLearner();
    expect(await lookupCohortInvite(token)).toMatchObject({ ok: true, cohort: { id: cohort.id } });
    const r = await joinCohortWithInvite({ user: learner, token });
    expect(r.outcome).toBe("enrolled");
    expect((await progressRows(cohort.id, learner.id)).map((p) => p.assignmentId)).toEqual([assignment.id]);
    await joinCohortWithInvite({ user: learner, token });
    const [row] = await t.db.select().from(cohortInvites).where(eq(cohortInvites.id, invite.id));
    expect(row.uses).toBe(1);
  });

  it("lets someone without an account create one and be enrolled", async () => {
    const { instructor, cohort } = await setup();
    const { token } = await createCohortInvite({ actor: instructor, cohortId: cohort.id, days: 7, maxUses: 5 });
    const email = uniqueEmail("joiner");
    const r = await signUpWithInvite({ token, name: "Jo Iner", email, password: "a long enough secret" });
    const [u] = await t.db.select().from(users).where(eq(users.email, r.email));
    expect(u.role).toBe("learner");
    expect(await verifyPassword(u.passwordHash!, "a long enough secret")).toBe(true);
    expect((await enrolmentOf(cohort.id, u.id)).source).toBe("invite");
    // the same email again, another password: answered like a new account, nothing changes
    expect(await signUpWithInvite({ token, name: "Again", email, password: "another long secret" })).toEqual(r);
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
    expect(await verifyPassword((await t.db.select().from(users).where(eq(users.id, u.id)))[0].passwordHash!, "a long enough secret")).toBe(
      true,
    );
    await expect(signUpWithInvite({ token, name: "Short", email: uniqueEmail(), password: "short" })).rejects.toMatchObject({
      fieldErrors: { password: expect.stringMatching(/at least 8/) },
    });
  });

  it("explains expired, revoked and used-up links and enrols no one through them", async () => {
    const { instructor, cohort } = await setup();
    const expired = await createCohortInvite({ actor: instructor, cohortId: cohort.id, days: 1, maxUses: 5 });
    await t.db
      .update(cohortInvites)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(cohortInvites.id, expired.invite.id));
    const revoked = await createCohortInvite({ actor: instructor, cohortId: cohort.id, days: 1, maxUses: 5 });
    await revokeCohortInvite({ actor: instructor, cohortId: cohort.id, inviteId: revoked.invite.id });
    const single = await createCohortInvite({ actor: instructor, cohortId: cohort.id, days: 1, maxUses: 1 });
    await joinCohortWithInvite({ user: await makeLearner(), token: single.token });

    expect(await lookupCohortInvite(expired.token)).toEqual({ ok: false, reason: "expired" });
    expect(await lookupCohortInvite(revoked.token)).toEqual({ ok: false, reason: "revoked" });
    expect(await lookupCohortInvite(single.token)).toEqual({ ok: false, reason: "used_up" });
    expect(await lookupCohortInvite("x".repeat(43))).toEqual({ ok: false, reason: "unknown" });

    const late = await makeLearner();
    await expect(joinCohortWithInvite({ user: late, token: expired.token })).rejects.toThrow(/expired/);
    await expect(joinCohortWithInvite({ user: late, token: revoked.token })).rejects.toThrow(/withdrawn/);
    await expect(joinCohortWithInvite({ user: late, token: single.token })).rejects.toThrow(/as many times/);
    const email = uniqueEmail();
    await expect(signUpWithInvite({ token: tokenOf(revoked.path), name: "N", email, password: "a long enough secret" })).rejects.toThrow(
      /withdrawn/,
    );
    expect(await enrolmentOf(cohort.id, late.id)).toBeUndefined();
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it("holds the use limit when people join at the same moment", async () => {
    const { instructor, cohort } = await setup();
    const { token, invite } = await createCohortInvite({ actor: instructor, cohortId: cohort.id, days: 1, maxUses: 2 });
    const people = await Promise.all([1, 2, 3, 4].map(() => makeLearner()));
    const results = await Promise.allSettled(people.map((p) => joinCohortWithInvite({ user: p, token })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const [row] = await t.db.select().from(cohortInvites).where(eq(cohortInvites.id, invite.id));
    expect(row.uses).toBe(2);
  });

  it("does not let staff join, nor an instructor revoke another cohort's invite", async () => {
    const { instructor, cohort } = await setup();
    const { token, invite } = await createCohortInvite({ actor: instructor, cohortId: cohort.id, days: 1, maxUses: 5 });
    const staff = await makeInstructor();
    await expect(joinCohortWithInvite({ user: staff, token })).rejects.toThrow(/Staff accounts/);
    const admin = await makeUser({ role: "admin" });
    await expect(joinCohortWithInvite({ user: admin, token })).rejects.toThrow(/Staff accounts/);
    await expectNotFound(revokeCohortInvite({ actor: staff, cohortId: cohort.id, inviteId: invite.id }));
    const own = await makeCohort({ instructorIds: [staff.id] });
    // naming their own cohort with someone else's invite id does not reach it either
    await expectNotFound(revokeCohortInvite({ actor: staff, cohortId: own.id, inviteId: invite.id }));
    const [row] = await t.db.select().from(cohortInvites).where(eq(cohortInvites.id, invite.id));
    expect(row.revokedAt).toBeNull();
  });
});

describe("CSV roster import", () => {
  it("the downloadable template (public/roster-template.csv) round-trips: its header is accepted and its rows import", async () => {
    const { instructor, cohort } = await setup();
    const template = readFileSync(join(process.cwd(), "public/roster-template.csv"), "utf8");
    expect(template.split(/\r?\n/)[0]).toBe("name,email");
    const preview = await previewRoster({ actor: instructor, cohortId: cohort.id, csv: template });
    expect(preview.rows.map((r) => [r.name, r.email, r.outcome])).toEqual([
      ["Alex Morgan", "alex.morgan@example.org", "new"],
      ["Sam Rivera", "sam.rivera@example.org", "new"],
    ]);
    const rows = preview.rows.map(({ line, name, email }) => ({ line, name, email }));
    expect((await importRosterRows({ actor: instructor, cohortId: cohort.id, rows })).counts).toMatchObject({ created: 2, skipped: 0 });
  });

  it("previews each row, imports the valid ones, and a second import changes nothing", async () => {
    const { instructor, cohort } = await setup();
    const existing = await makeLearner({ name: "Existing Person" });
    const enrolled = await makeLearner();
    await enrol(cohort.id, enrolled.id);
    const staff = await makeInstructor();
    const newA = uniqueEmail("a");
    const newB = uniqueEmail("b");
    const csv = [
      "Name,Email",
      `Ann Able,${newA}`,
      `"Bea, Jr",${newB.toUpperCase()}`,
      `Existing Person,${existing.email}`,
      `Already In,${enrolled.email}`,
      "Broken,not-an-email",
      `Ann Again,${newA}`,
      `Staff Member,${staff.email}`,
      `,${uniqueEmail("noname")}`,
      "",
    ].join("\n");
    const preview = await previewRoster({ actor: instructor, cohortId: cohort.id, csv });
    expect(preview.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, "new"],
      [3, "new"],
      [4, "existing"],
      [5, "already"],
      [6, "error"],
      [7, "error"],
      [8, "error"],
      [9, "error"],
    ]);
    expect(preview.rows[4].reason).toMatch(/Malformed email/);
    expect(preview.rows[5].reason).toMatch(/Duplicate.*line 2/);
    expect(preview.rows[6].reason).toMatch(/staff account/);
    expect(preview.rows[7].reason).toMatch(/No name/);
    expect(preview.counts).toEqual({ new: 2, existing: 1, already: 1, error: 4 });
    // a preview changes nothing
    expect(await t.db.select().from(users).where(eq(users.email, newA))).toHaveLength(0);

    // the browser sends rows in chunks; bad rows are re-checked here and skipped
    const all = preview.rows.map(({ line, name, email }) => ({ line, name, email }));
    const first = await importRosterRows({ actor: instructor, cohortId: cohort.id, rows: all.slice(0, 3) });
    const second = await importRosterRows({ actor: instructor, cohortId: cohort.id, rows: all.slice(3) });
    // the existing account is asked to accept, not enrolled
    expect(first.counts).toEqual({ created: 2, enrolled: 0, asked: 1, already: 0, skipped: 0 });
    expect(first.offeredUserIds).toEqual([existing.id]);
    // "Ann Again" is no duplicate inside its own chunk, but her email is enrolled by now
    expect(second.counts).toEqual({ created: 0, enrolled: 0, asked: 0, already: 2, skipped: 3 });
    expect(first.links.map((l) => l.email).sort()).toEqual([newA, newB].sort());
    const [bea] = await t.db.select().from(users).where(eq(users.email, newB));
    expect(bea).toMatchObject({ name: "Bea, Jr", passwordHash: null });
    expect(await enrolmentOf(cohort.id, existing.id)).toBeUndefined();
    await acceptPendingEnrolment({ learner: existing, pendingId: (await listPendingEnrolments({ learner: existing }))[0].id });
    expect((await enrolmentOf(cohort.id, existing.id)).source).toBe("csv");
    expect(await enrolmentOf(cohort.id, staff.id)).toBeUndefined();
    expect(await progressRows(cohort.id, bea.id)).toHaveLength(1);

    // importing the same file again: all already enrolled, nothing written at all
    const counts = { audit: await auditCount(), tokens: (await t.db.select().from(accountTokens)).length };
    const again = await previewRoster({ actor: instructor, cohortId: cohort.id, csv });
    expect(again.counts).toEqual({ new: 0, existing: 0, already: 4, error: 4 });
    const re = await importRosterRows({ actor: instructor, cohortId: cohort.id, rows: again.rows });
    expect(re.counts).toEqual({ created: 0, enrolled: 0, asked: 0, already: 4, skipped: 4 });
    expect(re.links).toEqual([]);
    expect(await auditCount()).toBe(counts.audit);
    expect((await t.db.select().from(accountTokens)).length).toBe(counts.tokens);
  });

  it("reads a file without a header row as name, email and refuses what is not CSV", async () => {
    const { instructor, cohort } = await setup();
    const p = await previewRoster({ actor: instructor, cohortId: cohort.id, csv: `Solo Person,${uniqueEmail()}\r\n` });
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0]).toMatchObject({ line: 1, name: "Solo Person", outcome: "new" });
    await expect(previewRoster({ actor: instructor, cohortId: cohort.id, csv: 'name,email\n"unterminated,x@y.org\n' })).rejects.toThrow(
      /could not be read as CSV/,
    );
    await expect(previewRoster({ actor: instructor, cohortId: cohort.id, csv: "\n\n" })).rejects.toThrow(/empty/);
  });

  it("answers 404 for a cohort the instructor does not teach and writes nothing", async () => {
    const { cohort } = await setup();
    const stranger = await makeInstructor();
    const email = uniqueEmail();
    await expectNotFound(previewRoster({ actor: stranger, cohortId: cohort.id, csv: `A,${email}` }));
    await expectNotFound(importRosterRows({ actor: stranger, cohortId: cohort.id, rows: [{ line: 1, name: "A", email }] }));
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it("imports a large file in chunks", async () => {
    const { instructor, cohort } = await setup();
    const rows = Array.from({ length: 250 }, (_, i) => `Bulk ${i},${uniqueEmail(`bulk${i}`)}`);
    const preview = await previewRoster({ actor: instructor, cohortId: cohort.id, csv: ["name,email", ...rows].join("\n") });
    expect(preview.counts.new).toBe(250);
    let created = 0;
    for (let i = 0; i < preview.rows.length; i += 200) {
      const r = await importRosterRows({ actor: instructor, cohortId: cohort.id, rows: preview.rows.slice(i, i + 200) });
      created += r.counts.created;
    }
    expect(created).toBe(250);
    const [{ n }] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(enrolments)
      .where(and(eq(enrolments.cohortId, cohort.id), eq(enrolments.status, "active")));
    expect(n).toBe(250);
  }); // 250 accounts, each with its link and audit entries: over 60 s at load 25 on 2 cores, so the global ceiling (180 s) applies
});

describe("enrolling a learner with a password through the invite keeps it", () => {
  it("an existing learner who signs up again with their own password joins with their account", async () => {
    const { instructor, cohort } = await setup();
    const learner = await makeLearner();
    const { token } = await createCohortInvite({ actor: instructor, cohortId: cohort.id, days: 1, maxUses: 5 });
    expect(await signUpWithInvite({ token, name: "X", email: learner.email, password: TEST_PASSWORD })).toMatchObject({
      email: learner.email,
    });
    expect((await enrolmentOf(cohort.id, learner.id)).source).toBe("invite");
    expect((await t.db.select().from(users).where(eq(users.id, learner.id)))[0].name).toBe(learner.name);
  });
});
