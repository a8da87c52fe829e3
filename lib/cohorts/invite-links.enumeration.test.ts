/**
 * Security round 2, finding 13: /join told anyone whether an email had an
 * account ("An account with this email already exists"), staff included,
 * with no throttle.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { enrolments, users } from "@/db/schema";
import { makeUser, uniqueEmail } from "@/db/test/factories";
import { makeCohort, makeInstructor } from "@/db/test/instructor-factories";
import { setupTestDb } from "@/db/test/test-db";
import { rules } from "@/lib/accounts/throttle";
import { createCohortInvite, signUpWithInvite } from "./invite-links";

const t = setupTestDb();
let n = 0;
const freshIp = () => `10.64.0.${++n}`;

async function invite() {
  const instructor = await makeInstructor();
  const cohort = await makeCohort({ instructorIds: [instructor.id] });
  const { token } = await createCohortInvite({ actor: instructor, cohortId: cohort.id, days: 1, maxUses: 100 });
  return { token, cohort };
}

const attempt = (token: string, email: string, ip: string) =>
  signUpWithInvite({ token, name: "Curious Visitor", email, password: "a guess that is long", ip }).then(
    (r) => ({ ok: true as const, r }),
    (e: Error & { fieldErrors?: Record<string, string> }) => ({ ok: false as const, message: e.message, fieldErrors: e.fieldErrors }),
  );

describe("finding 13: account enumeration through /join", () => {
  it("answers an email with an account (learner or staff) exactly as a new one, and changes nothing of that account", async () => {
    const { token, cohort } = await invite();
    const learner = await makeUser({ role: "learner" });
    const admin = await makeUser({ role: "admin" });
    const fresh = uniqueEmail("fresh");
    const forNew = await attempt(token, fresh, freshIp());
    const forLearner = await attempt(token, learner.email, freshIp());
    const forAdmin = await attempt(token, admin.email, freshIp());
    const shape = (a: typeof forNew, email: string) => JSON.stringify(a).replaceAll(email, "EMAIL");
    expect(forNew.ok).toBe(true);
    expect(shape(forLearner, learner.email)).toBe(shape(forNew, fresh));
    expect(shape(forAdmin, admin.email)).toBe(shape(forNew, fresh));
    expect(JSON.stringify([forLearner, forAdmin])).not.toMatch(/already exists|staff/i);
    for (const u of [learner, admin]) {
      const [now] = await t.db.select().from(users).where(eq(users.id, u.id));
      expect(now).toMatchObject({ name: u.name, passwordHash: u.passwordHash, role: u.role });
      expect(await t.db.select().from(enrolments).where(eq(enrolments.userId, u.id))).toEqual([]);
    }
    expect((await t.db.select().from(users).where(eq(users.email, fresh)))[0]).toMatchObject({ role: "learner" });
    expect((await t.db.select().from(enrolments).where(eq(enrolments.cohortId, cohort.id))).length).toBe(1);
  });

  it("counts probes of existing emails against the address: past the limit it is throttled, 25 at once", async () => {
    const { token } = await invite();
    const known = await makeUser();
    const ip = freshIp();
    const results = await Promise.all(Array.from({ length: 25 }, () => attempt(token, known.email, ip)));
    expect(results.filter((r) => r.ok)).toHaveLength(rules.inviteIp.limit);
    expect(results.filter((r) => !r.ok && /Too many/.test(r.message))).toHaveLength(25 - rules.inviteIp.limit);
    // a genuinely new person from that address waits too (the address is what is throttled)
    expect(await attempt(token, uniqueEmail(), ip)).toMatchObject({ ok: false, message: expect.stringMatching(/Too many/) });
  });
});
