import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, authSessions, users } from "@/db/schema";
import { makeUser, TEST_PASSWORD } from "@/db/test/factories";
import { setupTestDb } from "@/db/test/test-db";
import { env } from "@/lib/platform/env";
import { verifyPassword } from "./password";
import { DomainError } from "@/lib/platform/errors";
import { changePassword } from "./password-change";
import { resolveSession, signOutEverywhere, type CurrentUser } from "./sessions";
import { authenticate } from "./sign-in";

const t = setupTestDb();
let ipCounter = 0;

async function signedIn(overrides: Parameters<typeof makeUser>[0] = {}) {
  const u = await makeUser(overrides);
  const r = await authenticate({ email: u.email, password: TEST_PASSWORD, ip: `10.20.${++ipCounter}.1` });
  if (!r.ok) throw new Error("sign-in failed");
  const claims = { uid: u.id, sid: r.sessionId, sv: u.sessionVersion };
  const current: CurrentUser = { id: u.id, email: u.email, name: u.name, role: u.role, sessionId: r.sessionId };
  return { u, claims, current };
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

describe("session lifetimes", () => {
  it("uses the documented defaults: 120 idle minutes, 12 hours in all", () => {
    expect(env().SESSION_IDLE_MINUTES).toBe(120);
    expect(env().SESSION_MAX_HOURS).toBe(12);
  });

  it("ends a session unused for longer than SESSION_IDLE_MINUTES", async () => {
    const { claims } = await signedIn();
    const idle = env().SESSION_IDLE_MINUTES;
    await t.db
      .update(authSessions)
      .set({ lastSeenAt: minutesAgo(idle - 2) })
      .where(eq(authSessions.id, claims.sid));
    expect(await resolveSession(claims)).not.toBeNull();
    // using it moved lastSeenAt forward
    const [row] = await t.db.select().from(authSessions).where(eq(authSessions.id, claims.sid));
    expect(Date.now() - row.lastSeenAt.getTime()).toBeLessThan(60_000);

    await t.db
      .update(authSessions)
      .set({ lastSeenAt: minutesAgo(idle + 1) })
      .where(eq(authSessions.id, claims.sid));
    expect(await resolveSession(claims)).toBeNull();
  });

  it("ends a session SESSION_MAX_HOURS after sign-in however busy it is", async () => {
    const { claims } = await signedIn();
    const [row] = await t.db.select().from(authSessions).where(eq(authSessions.id, claims.sid));
    const hours = (row.expiresAt.getTime() - row.createdAt.getTime()) / 3600_000;
    expect(hours).toBeGreaterThan(env().SESSION_MAX_HOURS - 0.01);
    expect(hours).toBeLessThan(env().SESSION_MAX_HOURS + 0.01);
    await t.db
      .update(authSessions)
      .set({ expiresAt: minutesAgo(1), lastSeenAt: new Date() })
      .where(eq(authSessions.id, claims.sid));
    expect(await resolveSession(claims)).toBeNull();
  });
});

describe("signOutEverywhere", () => {
  it("ends every session of the user who asks, and records it", async () => {
    const first = await signedIn();
    const r2 = await authenticate({ email: first.u.email, password: TEST_PASSWORD, ip: "10.30.0.1" });
    if (!r2.ok) throw new Error("second sign-in failed");
    const second = { ...first.claims, sid: r2.sessionId };
    const other = await signedIn();

    const result = await signOutEverywhere({ actor: first.current, userId: first.u.id, ip: "10.30.0.2" });
    expect(result.sessionsEnded).toBe(2);
    expect(await resolveSession(first.claims)).toBeNull();
    expect(await resolveSession(second)).toBeNull();
    expect(await resolveSession(other.claims)).not.toBeNull();
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.sign_out_everywhere"), eq(auditLog.targetId, first.u.id)));
    expect(entry).toMatchObject({ actorId: first.u.id, ip: "10.30.0.2", details: { by: "self", sessionsEnded: 2 } });
  });

  it("lets an admin end someone else's sessions", async () => {
    const admin = await signedIn({ role: "admin" });
    const learner = await signedIn();
    await signOutEverywhere({ actor: admin.current, userId: learner.u.id });
    expect(await resolveSession(learner.claims)).toBeNull();
    expect(await resolveSession(admin.claims)).not.toBeNull();
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.sign_out_everywhere"), eq(auditLog.targetId, learner.u.id)));
    expect(entry).toMatchObject({ actorId: admin.u.id, details: { by: "admin" } });
  });

  it("refuses anyone else, and unknown ids, changing nothing", async () => {
    const instructor = await signedIn({ role: "instructor" });
    const learner = await signedIn();
    const notFound = { code: "not_found" };
    await expect(signOutEverywhere({ actor: instructor.current, userId: learner.u.id })).rejects.toMatchObject(notFound);
    await expect(signOutEverywhere({ actor: learner.current, userId: instructor.u.id })).rejects.toMatchObject(notFound);
    expect(await resolveSession(learner.claims)).not.toBeNull();
    expect(await resolveSession(instructor.claims)).not.toBeNull();
    const admin = await signedIn({ role: "admin" });
    await expect(signOutEverywhere({ actor: admin.current, userId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject(
      notFound,
    );
    await expect(signOutEverywhere({ actor: admin.current, userId: "not-a-uuid" })).rejects.toMatchObject(notFound);
  });
});

describe("changePassword", () => {
  it("needs the current password, then keeps this session and ends the others", async () => {
    const me = await signedIn();
    const r2 = await authenticate({ email: me.u.email, password: TEST_PASSWORD, ip: "10.40.0.1" });
    if (!r2.ok) throw new Error("second sign-in failed");
    const elsewhere = { ...me.claims, sid: r2.sessionId };

    await expect(
      changePassword({ user: me.current, currentPassword: "wrong password", newPassword: "a new long password" }),
    ).rejects.toMatchObject({ code: "invalid", fieldErrors: { currentPassword: "That is not your current password." } });
    await expect(changePassword({ user: me.current, currentPassword: TEST_PASSWORD, newPassword: "short" })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { newPassword: expect.any(String) },
    });
    await expect(changePassword({ user: me.current, currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { newPassword: expect.any(String) },
    });

    const result = await changePassword({ user: me.current, currentPassword: TEST_PASSWORD, newPassword: "a new long password" });
    expect(result.otherSessionsEnded).toBe(1);
    expect(await resolveSession(me.claims)).not.toBeNull();
    expect(await resolveSession(elsewhere)).toBeNull();
    const [row] = await t.db.select().from(users).where(eq(users.id, me.u.id));
    expect(await verifyPassword(row.passwordHash!, "a new long password")).toBe(true);
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.actorId, me.u.id));
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(["auth.password_change_failed", "auth.password_change"]));
    expect(JSON.stringify(entries)).not.toContain("a new long password");
  });

  it("is throttled after five wrong current passwords, even with the right one", async () => {
    const me = await signedIn();
    for (let i = 0; i < 5; i++) {
      await expect(
        changePassword({ user: me.current, currentPassword: `guess-${i}`, newPassword: "another long password" }),
      ).rejects.toBeInstanceOf(DomainError);
    }
    await expect(
      changePassword({ user: me.current, currentPassword: TEST_PASSWORD, newPassword: "another long password" }),
    ).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/Too many/),
      fieldErrors: { currentPassword: expect.stringMatching(/Too many/) },
    });
    const [row] = await t.db.select().from(users).where(eq(users.id, me.u.id));
    expect(await verifyPassword(row.passwordHash!, TEST_PASSWORD)).toBe(true);
  });
});
