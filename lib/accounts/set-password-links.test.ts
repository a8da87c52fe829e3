/**
 * Security round 2, findings 2, 8, 9 and 10: a set-password link is only as
 * good as the account state it was made for, and an invented link costs
 * nothing.
 */
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { accountTokens, users } from "@/db/schema";
import { makeUser, TEST_PASSWORD } from "@/db/test/factories";
import { makeCohort, makeInstructor } from "@/db/test/instructor-factories";
import { setupTestDb } from "@/db/test/test-db";
import { enrolByEmail, issueSetPasswordLink } from "@/lib/cohorts/enrolment";
import { createCohortInvite, signUpWithInvite } from "@/lib/cohorts/invite-links";
import { erasePersonalData } from "@/lib/privacy/erasure";
import { accountMessages, changeUserRole, createPasswordLink, sendPasswordReset, setUserStatus } from "./admin";
import { changePassword } from "./password-change";
import { lookupAccountToken, setPasswordWithToken, tokenProblemMessages } from "./set-password-links";
import { authenticate } from "./sign-in";
import { rules } from "./throttle";

const hashSpy = vi.hoisted(() => vi.fn());
vi.mock("./password", async (importOriginal) => {
  const real = await importOriginal<typeof import("./password")>();
  hashSpy.mockImplementation(real.hashPassword);
  return { ...real, hashPassword: hashSpy };
});

const t = setupTestDb();
type Person = Awaited<ReturnType<typeof makeUser>>;
const asActor = (u: Person) => ({ id: u.id, role: u.role, email: u.email, name: u.name });
const tokenOf = (path: string) => path.split("/").pop()!;
const reload = async (id: string) => (await t.db.select().from(users).where(eq(users.id, id)))[0];
let ipN = 0;
const freshIp = () => `10.62.${Math.floor(++ipN / 250)}.${ipN % 250}`;

/** An instructor's new learner (no password) and the link the instructor got for them. */
async function learnerWithLink() {
  const instructor = await makeInstructor();
  const cohort = await makeCohort({ instructorIds: [instructor.id] });
  const r = await enrolByEmail({
    actor: instructor,
    cohortId: cohort.id,
    email: `link-${Date.now()}-${++ipN}@test.cohort`,
    name: "Link Holder",
  });
  if (r.outcome !== "created") throw new Error("expected a new account");
  return { instructor, cohort, learner: await reload(r.learner.id), token: tokenOf(r.setPasswordPath!) };
}

describe("finding 2: a link survives a role change", () => {
  it("an instructor's link for a learner stops working when an admin makes the account an admin", async () => {
    const admin = await makeUser({ role: "admin" });
    const { learner, token } = await learnerWithLink();
    await changeUserRole(asActor(admin), learner.id, "admin");
    expect(await lookupAccountToken(token)).toMatchObject({ ok: false, reason: "revoked" });
    await expect(setPasswordWithToken(token, "takeover passphrase", freshIp())).rejects.toThrow(tokenProblemMessages.revoked);
    expect((await reload(learner.id)).passwordHash).toBeNull();
  });

  it("a link made for one role is refused for another even if it was not revoked (the role it was made for is kept)", async () => {
    const { learner, token } = await learnerWithLink();
    await t.db.update(users).set({ role: "instructor" }).where(eq(users.id, learner.id)); // a change made around the revoking code
    await expect(setPasswordWithToken(token, "takeover passphrase", freshIp())).rejects.toThrow(tokenProblemMessages.revoked);
  });
});

describe("finding 10: links on deactivated accounts", () => {
  it("deactivating ends every open link, and reactivating does not bring them back", async () => {
    const admin = await makeUser({ role: "admin" });
    const { learner, token } = await learnerWithLink();
    await setUserStatus(asActor(admin), learner.id, "deactivated");
    await expect(setPasswordWithToken(token, "while deactivated", freshIp())).rejects.toThrow(tokenProblemMessages.revoked);
    await setUserStatus(asActor(admin), learner.id, "active");
    await expect(setPasswordWithToken(token, "after reactivation", freshIp())).rejects.toThrow(tokenProblemMessages.revoked);
    expect((await reload(learner.id)).passwordHash).toBeNull();
  });
});

describe("every open link dies when a password is set or the account is erased", () => {
  it("setting the password through one link, or changing it, ends the others", async () => {
    const admin = await makeUser({ role: "admin" });
    const { instructor, cohort, learner, token } = await learnerWithLink();
    // a second open link, made around the revoke-on-create rule
    const spare = await createPasswordLink(asActor(admin), learner.id);
    await t.db.update(accountTokens).set({ revokedAt: null }).where(eq(accountTokens.userId, learner.id));
    await setPasswordWithToken(token, "the owner's passphrase", freshIp());
    expect(await lookupAccountToken(tokenOf(spare.path))).toMatchObject({ ok: false });
    await expect(issueSetPasswordLink({ actor: instructor, cohortId: cohort.id, learnerId: learner.id })).rejects.toThrow(
      /chosen a password/,
    );

    const user = {
      id: learner.id,
      email: learner.email,
      name: learner.name,
      role: "learner" as const,
      sessionId: "00000000-0000-4000-8000-000000000000",
    };
    await t.db.insert(accountTokens).values({
      tokenHash: "f".repeat(64),
      userId: learner.id,
      purpose: "set_password",
      issuedRole: "learner",
      issuedWithPassword: true,
      expiresAt: new Date(Date.now() + 86400_000),
    });
    await changePassword({ user, currentPassword: "the owner's passphrase", newPassword: "a newer passphrase" });
    const [left] = await t.db
      .select()
      .from(accountTokens)
      .where(eq(accountTokens.tokenHash, "f".repeat(64)));
    expect(left.revokedAt).not.toBeNull();
  });

  it("erasure ends them", async () => {
    const admin = await makeUser({ role: "admin" });
    const { learner, token } = await learnerWithLink();
    await erasePersonalData({ actor: asActor(admin), userId: learner.id, certificates: "remove" });
    await expect(setPasswordWithToken(token, "after erasure", freshIp())).rejects.toThrow(tokenProblemMessages.unknown);
  });
});

describe("finding 8: an admin reaches reflection text by taking over an instructor", () => {
  it("no link can be made for an account that has a password; its password is untouched", async () => {
    const admin = await makeUser({ role: "admin" });
    const instructor = await makeInstructor();
    const before = (await reload(instructor.id)).passwordHash;
    await expect(createPasswordLink(asActor(admin), instructor.id)).rejects.toThrow(accountMessages.hasPasswordLink);
    expect(await t.db.select().from(accountTokens).where(eq(accountTokens.userId, instructor.id))).toEqual([]);
    expect((await reload(instructor.id)).passwordHash).toBe(before);
    expect((await authenticate({ email: instructor.email, password: TEST_PASSWORD, ip: freshIp() })).ok).toBe(true);
  });

  it("the reset for a lost password goes by email only, never to the admin (refused without mail)", async () => {
    const admin = await makeUser({ role: "admin" });
    const instructor = await makeInstructor();
    await expect(sendPasswordReset(asActor(admin), instructor.id, { origin: "http://cohort.test" })).rejects.toThrow(
      accountMessages.noMail,
    );
    expect(await t.db.select().from(accountTokens).where(eq(accountTokens.userId, instructor.id))).toEqual([]);
  });

  it("a link made while the account had no password is refused once it has one", async () => {
    const admin = await makeUser({ role: "admin" });
    const invited = await makeUser({ role: "instructor", passwordHash: null });
    const link = await createPasswordLink(asActor(admin), invited.id);
    // the owner sets a password some other way (here: straight in the table, as a restore might)
    await t.db
      .update(users)
      .set({ passwordHash: (await makeUser()).passwordHash })
      .where(eq(users.id, invited.id));
    await expect(setPasswordWithToken(tokenOf(link.path), "admin takes over", freshIp())).rejects.toThrow(tokenProblemMessages.revoked);
  });
});

describe("finding 9: invented tokens cost argon2 work", () => {
  beforeEach(() => {
    hashSpy.mockClear();
  });

  it("an invented set-password link or invite is refused before any password is hashed", async () => {
    await expect(setPasswordWithToken("A".repeat(43), "a perfectly fine passphrase", freshIp())).rejects.toThrow(
      tokenProblemMessages.unknown,
    );
    await expect(
      signUpWithInvite({
        token: "B".repeat(43),
        name: "Nobody",
        email: "nobody@test.cohort",
        password: "a perfectly fine passphrase",
        ip: freshIp(),
      }),
    ).rejects.toThrow(/not valid/);
    expect(hashSpy).not.toHaveBeenCalled();
    // a real link still hashes (once)
    const { token } = await learnerWithLink();
    await setPasswordWithToken(token, "a perfectly fine passphrase", freshIp());
    expect(hashSpy).toHaveBeenCalledTimes(1);
  });

  it("30 parallel posts with invented links from one address: none hashes, and the address is throttled after the limit", async () => {
    const ip = freshIp();
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        setPasswordWithToken(`${"C".repeat(40)}${String(i).padStart(3, "0")}`, "a perfectly fine passphrase", ip),
      ),
    );
    const messages = results.map((r) => (r.status === "rejected" ? (r.reason as Error).message : "set"));
    expect(messages.filter((m) => m === tokenProblemMessages.unknown)).toHaveLength(rules.linkIp.limit);
    expect(messages.filter((m) => m === tokenProblemMessages.throttled)).toHaveLength(30 - rules.linkIp.limit);
    expect(hashSpy).not.toHaveBeenCalled();
    // a real link from that address waits too; from another address it works
    const { token } = await learnerWithLink();
    await expect(setPasswordWithToken(token, "a perfectly fine passphrase", ip)).rejects.toThrow(tokenProblemMessages.throttled);
    await setPasswordWithToken(token, "a perfectly fine passphrase", freshIp());
  });

  it("an invite sign-up with a bad link, 25 times at once, hashes nothing and is throttled", async () => {
    const instructor = await makeInstructor();
    const cohort = await makeCohort({ instructorIds: [instructor.id] });
    await createCohortInvite({ actor: instructor, cohortId: cohort.id, days: 1, maxUses: 100 });
    const ip = freshIp();
    const results = await Promise.allSettled(
      Array.from({ length: 25 }, (_, i) =>
        signUpWithInvite({
          token: `${"D".repeat(40)}${String(i).padStart(3, "0")}`,
          name: "Bot",
          email: `bot${i}@test.cohort`,
          password: "a perfectly fine passphrase",
          ip,
        }),
      ),
    );
    const messages = results.map((r) => (r.status === "rejected" ? (r.reason as Error).message : "ok"));
    expect(messages.filter((m) => /not valid/.test(m))).toHaveLength(rules.inviteIp.limit);
    expect(messages.filter((m) => /Too many/.test(m))).toHaveLength(25 - rules.inviteIp.limit);
    expect(hashSpy).not.toHaveBeenCalled();
  });
});
