import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { auditLog, throttles, users } from "@/db/schema";
import { makeUser, TEST_PASSWORD, uniqueEmail } from "@/db/test/factories";
import { setupTestDb } from "@/db/test/test-db";
import { endAllSessions, endSession, resolveSession } from "./sessions";
import { authenticate, SIGN_IN_FAILED } from "./sign-in";

const verifySpy = vi.hoisted(() => vi.fn());
vi.mock("./password", async (importOriginal) => {
  const real = await importOriginal<typeof import("./password")>();
  verifySpy.mockImplementation(real.verifyPassword);
  return { ...real, verifyPassword: verifySpy };
});

const t = setupTestDb();

describe("authenticate", () => {
  it("signs in with the right password, case-insensitively, and opens a session", async () => {
    const u = await makeUser({ email: uniqueEmail("Mixed.Case") });
    const r = await authenticate({ email: `  ${u.email.toUpperCase()} `, password: TEST_PASSWORD, ip: "10.0.0.1" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.user.id).toBe(u.id);
    const current = await resolveSession({ uid: u.id, sid: r.sessionId, sv: u.sessionVersion });
    expect(current?.id).toBe(u.id);
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.actorId, u.id));
    expect(entries.map((e) => e.action)).toContain("auth.sign_in");
  });

  it("answers unknown email and wrong password with the same message", async () => {
    const u = await makeUser();
    const wrong = await authenticate({ email: u.email, password: "not the password", ip: "10.0.0.2" });
    const unknown = await authenticate({ email: uniqueEmail(), password: "not the password", ip: "10.0.0.2" });
    expect(wrong).toEqual({ ok: false, reason: "invalid", message: SIGN_IN_FAILED });
    expect(unknown).toEqual(wrong);
  });

  it("runs one real argon2id verification for an unknown email, as for a known one", async () => {
    const u = await makeUser();
    verifySpy.mockClear();
    await authenticate({ email: u.email, password: "nope nope nope", ip: "10.0.9.1" });
    await authenticate({ email: uniqueEmail(), password: "nope nope nope", ip: "10.0.9.1" });
    expect(verifySpy).toHaveBeenCalledTimes(2);
    for (const [stored] of verifySpy.mock.calls) expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("refuses a deactivated account with the same message", async () => {
    const u = await makeUser({ status: "deactivated" });
    const r = await authenticate({ email: u.email, password: TEST_PASSWORD, ip: "10.0.0.3" });
    expect(r).toMatchObject({ ok: false, message: SIGN_IN_FAILED });
  });

  it("throttles after repeated failures without locking out another account", async () => {
    const victim = await makeUser();
    const other = await makeUser();
    const ip = "10.0.0.4";
    for (let i = 0; i < 11; i++) await authenticate({ email: victim.email, password: `wrong-${i}-password`, ip });
    const blocked = await authenticate({ email: victim.email, password: TEST_PASSWORD, ip });
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    const unaffected = await authenticate({ email: other.email, password: TEST_PASSWORD, ip });
    expect(unaffected.ok).toBe(true);
    const rows = await t.db
      .select()
      .from(throttles)
      .where(eq(throttles.key, `accountIp:${victim.email}|${ip}`));
    expect(rows[0].failures).toBeGreaterThanOrEqual(5);
  });

  it("never writes the password into the audit log", async () => {
    const u = await makeUser();
    await authenticate({ email: u.email, password: "Secret-Sauce-123", ip: "10.0.0.5" });
    const all = await t.db.select().from(auditLog);
    expect(JSON.stringify(all)).not.toContain("Secret-Sauce-123");
  });
});

describe("resolveSession", () => {
  async function signedIn() {
    const u = await makeUser();
    const r = await authenticate({ email: u.email, password: TEST_PASSWORD, ip: "10.1.0.1" });
    if (!r.ok) throw new Error("sign-in failed");
    return { u, claims: { uid: u.id, sid: r.sessionId, sv: u.sessionVersion } };
  }

  it("ends with sign-out: the old token no longer resolves", async () => {
    const { claims } = await signedIn();
    await endSession(claims.sid, "sign_out");
    expect(await resolveSession(claims)).toBeNull();
  });

  it("stops a deactivated user at their next request", async () => {
    const { u, claims } = await signedIn();
    await t.db.update(users).set({ status: "deactivated" }).where(eq(users.id, u.id));
    expect(await resolveSession(claims)).toBeNull();
  });

  it("stops every session when the session version is bumped", async () => {
    const { u, claims } = await signedIn();
    await endAllSessions(t.db, u.id);
    expect(await resolveSession(claims)).toBeNull();
  });

  it("rejects a token naming another user's session", async () => {
    const a = await signedIn();
    const b = await signedIn();
    expect(await resolveSession({ ...a.claims, uid: b.u.id })).toBeNull();
  });
});
