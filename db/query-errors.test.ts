/**
 * Security round 2, finding 11: a failed query must not put the values it was
 * given (reflection text, a password hash) into the error, which Next.js logs
 * whole.
 */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { reflections, users } from "@/db/schema";
import { makeAssignment, makeLearnerOn } from "@/db/test/learner-factories";
import { setupTestDb } from "@/db/test/test-db";
import { getDb } from "./client";

setupTestDb();

async function failure(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (e) {
    return `${String(e)}\n${inspect(e, { depth: 8, showHidden: true })}`;
  }
  throw new Error("expected the query to fail");
}

describe("query errors", () => {
  it("keep the SQL and the reason but none of the values: not the reflection text", async () => {
    const { assignment } = await makeAssignment();
    const me = await makeLearnerOn(assignment);
    const text = "A private story about the river walk\u0000 that must never reach a log";
    const logged = await failure(() =>
      getDb().insert(reflections).values({
        progressId: me.progressId,
        assignmentId: assignment.id,
        userId: me.user.id,
        moduleVersionId: "00000000-0000-4000-8000-000000000000",
        promptId: "p",
        body: text,
      }),
    );
    expect(logged).toMatch(/insert into "reflections"/);
    expect(logged).not.toContain("private story about the river walk");
  });

  it("nor the password hash of a user row that failed a constraint (PostgreSQL puts the failing row in its detail)", async () => {
    const hash = "$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0c2FsdA$SECRET-HASH-THAT-MUST-NOT-BE-LOGGED";
    const logged = await failure(() =>
      getDb()
        .insert(users)
        .values({ email: "nul@test.cohort", name: null as unknown as string, role: "learner", passwordHash: hash }),
    );
    expect(logged).toMatch(/insert into "users"/);
    expect(logged).not.toContain("SECRET-HASH-THAT-MUST-NOT-BE-LOGGED");
    expect(logged).not.toContain("nul@test.cohort");
  });
});
