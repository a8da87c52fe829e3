/**
 * Data the admin journeys need beyond the demo people: the organisation
 * scenario of db/test/admin-factories.ts (cohorts at every stage, a learner
 * named like a spreadsheet formula, reflections carrying PRIVATE_SENTENCE).
 * Run by scripts/e2e-server.ts after the demo seed; idempotent.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import { seedOrganisationScenario } from "../db/test/admin-factories";

export const ADMIN_FIXTURE_TAG = "E2E";
export const fixtureInstructor = `Instructor One ${ADMIN_FIXTURE_TAG}`;

export async function seedAdminFixtures(db: Db) {
  const [done] = await db.select({ id: users.id }).from(users).where(eq(users.name, fixtureInstructor)).limit(1);
  if (done) return;
  let n = 0;
  await seedOrganisationScenario(async ({ name, role }) => {
    const [u] = await db
      .insert(users)
      .values({ name, role, email: `fixture.${++n}.${role}@fixture.cohort`, isSeed: true })
      .returning();
    return u;
  }, ADMIN_FIXTURE_TAG);
}
