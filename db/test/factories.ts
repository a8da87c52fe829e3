/** Small builders for integration tests; every call makes fresh, unique rows. */
import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { getDb } from "../client";
import { users } from "../schema";

export const TEST_PASSWORD = "correct horse battery";
let cachedHash: Promise<string> | undefined;

export function uniqueEmail(prefix = "user") {
  return `${prefix}-${randomBytes(5).toString("hex")}@test.cohort`;
}

export async function makeUser(overrides: Partial<typeof users.$inferInsert> = {}) {
  cachedHash ??= hash(TEST_PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const [u] = await getDb()
    .insert(users)
    .values({
      email: uniqueEmail(overrides.role ?? "learner"),
      name: "Test Person",
      role: "learner",
      passwordHash: await cachedHash,
      ...overrides,
    })
    .returning();
  return u;
}
