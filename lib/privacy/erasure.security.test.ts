/**
 * Security round 2, findings 14 and 15: erasure cannot be blocked by an
 * account registered under the erased marker first, and a revoked
 * certificate of an erased learner verifies without their name.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { certificates, users } from "@/db/schema";
import { makeUser } from "@/db/test/factories";
import { makeLearnerWithHistory } from "@/db/test/prod-factories";
import { setupTestDb } from "@/db/test/test-db";
import { createUser } from "@/lib/accounts/users";
import { verifyCertificateCode } from "@/lib/certificates/verify";
import { erasedEmail, erasePersonalData } from "./erasure";

const t = setupTestDb();
const asActor = (u: { id: string; email: string }) => ({ id: u.id, email: u.email, role: "admin" as const });

describe("finding 14: erasure blocked by a chosen email", () => {
  it("an account registered as erased-<id>@erased.invalid beforehand does not stop the erasure", async () => {
    const admin = await makeUser({ role: "admin" });
    const victim = await makeLearnerWithHistory();
    // what an attacker could register before: the address erasure used to give the account
    await createUser({
      email: `erased-${victim.learner.id}@erased.invalid`,
      name: "Squatter",
      role: "learner",
      password: "squatter passphrase",
    });
    await erasePersonalData({ actor: asActor(admin), userId: victim.learner.id, certificates: "remove" });
    const [after] = await t.db.select().from(users).where(eq(users.id, victim.learner.id));
    expect(after).toMatchObject({ email: erasedEmail(victim.learner.id), status: "deactivated" });
  });

  it("the marker erasure uses cannot be registered by anyone", async () => {
    const learner = await makeUser();
    await expect(
      createUser({ email: erasedEmail(learner.id), name: "Squatter", role: "learner", password: "squatter passphrase" }),
    ).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { email: expect.any(String) },
    });
  });
});

describe("finding 15: /verify shows an erased learner's name", () => {
  it("after erasure with revoke, the code verifies as revoked and without the name", async () => {
    const admin = await makeUser({ role: "admin" });
    const victim = await makeLearnerWithHistory({ name: "Rosa Erasable" });
    const [cert] = await t.db.select().from(certificates).where(eq(certificates.userId, victim.learner.id));
    await erasePersonalData({
      actor: asActor(admin),
      userId: victim.learner.id,
      certificates: "revoke",
      reason: "Erased at their request",
    });
    const result = await verifyCertificateCode({ input: cert.code, ip: "10.65.0.1" });
    expect(result.status).toBe("revoked");
    // what /verify renders from (app/verify/verify-route.test.ts checks the page itself)
    expect(JSON.stringify(result)).not.toContain("Rosa Erasable");
    expect(JSON.stringify(await t.db.select().from(certificates).where(eq(certificates.id, cert.id)))).not.toContain("Rosa Erasable");
  });
});
