import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accountTokens, auditLog, users } from "@/db/schema";
import { expectNotFound } from "@/db/test/admin-helpers";
import { makeUser, TEST_PASSWORD } from "@/db/test/factories";
import { setupTestDb } from "@/db/test/test-db";
import { lookupAccountToken, setPasswordWithToken } from "./set-password-links";
import {
  accountMessages,
  changeUserRole,
  createPasswordLink,
  getUserForAdmin,
  listUsers,
  setUserStatus,
  signOutUserEverywhere,
} from "./admin";
import { resolveSession } from "./sessions";
import { authenticate } from "./sign-in";
import { inviteStaff, listOpenInvites, revokeAccountLink } from "./staff-invites";

const t = setupTestDb();

type Person = Awaited<ReturnType<typeof makeUser>>;
const asActor = (u: Person) => ({ id: u.id, role: u.role, email: u.email, name: u.name });
const auditFor = (targetId: string) => t.db.select().from(auditLog).where(eq(auditLog.targetId, targetId));
const reload = async (id: string) => (await t.db.select().from(users).where(eq(users.id, id)))[0];

let admin: Person;
let ipCounter = 0;
/** A real signed-in session of this user, as the sign-in form opens it. */
async function openSession(u: Person) {
  const r = await authenticate({ email: u.email, password: TEST_PASSWORD, ip: `10.2.0.${++ipCounter}` });
  if (!r.ok) throw new Error("sign-in failed");
  return { uid: u.id, sid: r.sessionId, sv: r.user.sessionVersion };
}

beforeAll(async () => {
  admin = await makeUser({ role: "admin", name: "Main Admin" });
});

describe("guards", () => {
  it("an admin cannot deactivate or demote themselves", async () => {
    await expect(setUserStatus(asActor(admin), admin.id, "deactivated")).rejects.toThrow(accountMessages.selfDeactivate);
    await expect(changeUserRole(asActor(admin), admin.id, "instructor")).rejects.toThrow(accountMessages.selfRole);
    expect(await reload(admin.id)).toMatchObject({ role: "admin", status: "active" });
  });

  describe("the last active admin", () => {
    let a: Person;
    let b: Person;
    beforeAll(async () => {
      // this block's organisation has exactly two active admins
      await t.db.update(users).set({ status: "deactivated" }).where(eq(users.role, "admin"));
      a = await makeUser({ role: "admin", name: "Admin A" });
      b = await makeUser({ role: "admin", name: "Admin B" });
    });

    it("cannot be deactivated or demoted, even by an admin whose own account just stopped being one", async () => {
      await t.db.update(users).set({ status: "deactivated" }).where(eq(users.id, a.id));
      await expect(setUserStatus(asActor(a), b.id, "deactivated")).rejects.toThrow(accountMessages.lastAdminDeactivate);
      await expect(changeUserRole(asActor(a), b.id, "learner")).rejects.toThrow(accountMessages.lastAdminDemote);
      expect(await reload(b.id)).toMatchObject({ role: "admin", status: "active" });
      await t.db.update(users).set({ status: "active" }).where(eq(users.id, a.id));
    });

    it("survives two admins demoting each other at the same moment: one wins, one admin remains", async () => {
      const results = await Promise.allSettled([
        changeUserRole(asActor(a), b.id, "instructor"),
        changeUserRole(asActor(b), a.id, "instructor"),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason.message).toBe(accountMessages.lastAdminDemote);
      const admins = await t.db
        .select()
        .from(users)
        .where(and(eq(users.role, "admin"), eq(users.status, "active")));
      expect(admins).toHaveLength(1);
      // restore for the tests below
      await t.db.update(users).set({ role: "admin", status: "active" }).where(eq(users.id, admin.id));
    });
  });
});

describe("changes end sessions and are audited", () => {
  it("changing a role ends their sessions and records from and to", async () => {
    const u = await makeUser({ role: "instructor" });
    const session = await openSession(u);
    expect(await resolveSession(session)).not.toBeNull();
    expect(await changeUserRole(asActor(admin), u.id, "admin", "10.3.0.1")).toEqual({ changed: true });
    expect(await resolveSession(session)).toBeNull();
    expect((await reload(u.id)).role).toBe("admin");
    const [entry] = await auditFor(u.id);
    expect(entry).toMatchObject({
      action: "user.role_change",
      actorId: admin.id,
      ip: "10.3.0.1",
      details: { from: "instructor", to: "admin" },
    });
  });

  it("deactivating stops their open session at the next request; reactivating lets them sign in again", async () => {
    const u = await makeUser();
    const session = await openSession(u);
    await setUserStatus(asActor(admin), u.id, "deactivated");
    expect(await resolveSession(session)).toBeNull();
    expect((await authenticate({ email: u.email, password: TEST_PASSWORD, ip: "10.3.0.2" })).ok).toBe(false);
    await setUserStatus(asActor(admin), u.id, "active");
    expect((await authenticate({ email: u.email, password: TEST_PASSWORD, ip: "10.3.0.3" })).ok).toBe(true);
    expect((await auditFor(u.id)).map((e) => e.action).sort()).toEqual(["user.deactivate", "user.reactivate"]);
  });

  it("signs a user out everywhere", async () => {
    const u = await makeUser();
    const one = await openSession(u);
    const two = await openSession(u);
    expect((await getUserForAdmin({ actor: admin, userId: u.id }))?.openSessions).toBe(2);
    await signOutUserEverywhere(asActor(admin), u.id);
    expect(await resolveSession(one)).toBeNull();
    expect(await resolveSession(two)).toBeNull();
    expect((await getUserForAdmin({ actor: admin, userId: u.id }))?.openSessions).toBe(0);
    expect((await auditFor(u.id)).map((e) => e.action)).toEqual(["user.sign_out_everywhere"]);
  });
});

describe("set-password links", () => {
  it("makes a one-time link (only its hash stored) and withdraws the earlier one", async () => {
    const u = await makeUser({ passwordHash: null });
    const first = await createPasswordLink(asActor(admin), u.id);
    const second = await createPasswordLink(asActor(admin), u.id);
    const token = (p: string) => p.split("/").pop()!;
    expect(await lookupAccountToken(token(first.path))).toMatchObject({ ok: false, reason: "revoked" });
    expect(await lookupAccountToken(token(second.path))).toMatchObject({ ok: true, purpose: "set_password" });
    const stored = await t.db.select().from(accountTokens).where(eq(accountTokens.userId, u.id));
    expect(JSON.stringify(stored)).not.toContain(token(second.path));
    await setPasswordWithToken(token(second.path), "a brand new passphrase");
    expect((await authenticate({ email: u.email, password: "a brand new passphrase", ip: "10.3.1.1" })).ok).toBe(true);
    expect((await auditFor(u.id)).filter((e) => e.action === "user.password_link")).toHaveLength(2);
  });

  it("is refused for a deactivated account", async () => {
    const u = await makeUser({ status: "deactivated" });
    await expect(createPasswordLink(asActor(admin), u.id)).rejects.toThrow(accountMessages.deactivatedLink);
  });
});

describe("staff invites", () => {
  it("creates an account without a password and a link that lets them choose one and sign in", async () => {
    const email = `new.instructor.${Date.now()}@test.cohort`;
    const invite = await inviteStaff(
      asActor(admin),
      { name: "New Instructor", email, role: "instructor" },
      { origin: "http://cohort.test", ip: "10.4.0.1" },
    );
    expect(invite.url).toMatch(/^http:\/\/cohort\.test\/set-password\/[A-Za-z0-9_-]{40,}$/);
    expect(invite.emailed).toBe(false);
    const created = await reload(invite.user.id);
    expect(created).toMatchObject({ role: "instructor", passwordHash: null, status: "active" });
    expect((await listOpenInvites({ actor: admin })).map((i) => i.email)).toContain(email);
    await setPasswordWithToken(invite.url.split("/").pop()!, "teaching is a joy");
    expect((await authenticate({ email, password: "teaching is a joy", ip: "10.4.0.2" })).ok).toBe(true);
    expect((await listOpenInvites({ actor: admin })).map((i) => i.email)).not.toContain(email);
    expect((await auditFor(invite.user.id)).map((e) => e.action)).toContain("user.invite");
  });

  it("can be revoked: the link stops working", async () => {
    const invite = await inviteStaff(
      asActor(admin),
      { name: "Maybe Admin", email: `maybe.${Date.now()}@test.cohort`, role: "admin" },
      { origin: "" },
    );
    const [open] = (await listOpenInvites({ actor: admin })).filter((i) => i.userId === invite.user.id);
    await revokeAccountLink(asActor(admin), open.id);
    expect(await lookupAccountToken(invite.url.split("/").pop()!)).toMatchObject({ ok: false, reason: "revoked" });
    await expect(revokeAccountLink(asActor(admin), open.id)).rejects.toThrow("no longer open");
    expect((await auditFor(invite.user.id)).map((e) => e.action).sort()).toEqual(["user.invite", "user.invite_revoke"]);
  });

  it("refuses an email that already has an account, and creates nothing", async () => {
    const existing = await makeUser();
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(users);
    await expect(
      inviteStaff(asActor(admin), { name: "Dup", email: existing.email.toUpperCase(), role: "instructor" }, { origin: "" }),
    ).rejects.toThrow("already exists");
    expect(await t.db.select({ n: sql<number>`count(*)::int` }).from(users)).toEqual(before);
  });
});

describe("people list", () => {
  it("searches and filters in SQL", async () => {
    const tag = `zq${Date.now()}`;
    await makeUser({ name: `Searchable ${tag}`, role: "instructor" });
    await makeUser({ name: `Searchable ${tag}`, role: "learner", status: "deactivated" });
    expect((await listUsers({ actor: admin, q: tag })).total).toBe(2);
    expect((await listUsers({ actor: admin, q: tag, role: "instructor" })).rows.map((r) => r.role)).toEqual(["instructor"]);
    expect((await listUsers({ actor: admin, q: tag, status: "deactivated" })).rows.map((r) => r.status)).toEqual(["deactivated"]);
    expect((await listUsers({ actor: admin, q: "100%_" })).total).toBe(0);
  });
});

describe("only admins", () => {
  it("answers 404 to instructors and learners for every account function, and changes nothing", async () => {
    const target = await makeUser({ role: "instructor" });
    for (const role of ["instructor", "learner"] as const) {
      const actor = asActor(await makeUser({ role }));
      await expectNotFound(listUsers({ actor }));
      await expectNotFound(getUserForAdmin({ actor, userId: target.id }));
      await expectNotFound(setUserStatus(actor, target.id, "deactivated"));
      await expectNotFound(changeUserRole(actor, target.id, "learner"));
      await expectNotFound(signOutUserEverywhere(actor, target.id));
      await expectNotFound(createPasswordLink(actor, target.id));
      await expectNotFound(inviteStaff(actor, { name: "X", email: `x${role}@test.cohort`, role: "admin" }, { origin: "" }));
      await expectNotFound(listOpenInvites({ actor }));
      await expectNotFound(revokeAccountLink(actor, target.id));
    }
    expect(await reload(target.id)).toMatchObject({ role: "instructor", status: "active" });
    expect(await auditFor(target.id)).toEqual([]);
  });
});
