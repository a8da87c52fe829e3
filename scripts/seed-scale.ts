/**
 * `npm run db:seed:scale -- --learners 100000 [--reset] [--seed N]`
 *
 * Fills the PostgreSQL database at DATABASE_URL with the scale dataset
 * (db/seed/scale/seed.ts), after applying migrations. Refuses to run beside real
 * users; a second run changes nothing unless --reset is given.
 */
import { parseArgs } from "node:util";
import { closeDb, dbKind, getDb } from "../db/client";
import { migrateDb } from "../db/migrate";
import { SCALE_PASSWORD, seedScale, SeedRefusedError } from "../db/seed/scale/seed";
import { fail } from "./lib";

async function main() {
  const { values } = parseArgs({
    options: {
      learners: { type: "string", default: "100000" },
      reset: { type: "boolean", default: false },
      seed: { type: "string" },
    },
  });
  if (!process.env.DATABASE_URL) {
    fail("The scale seed is for PostgreSQL: set DATABASE_URL (for example postgres://postgres@127.0.0.1:5432/cohort_scale).");
  }
  const learners = Number(values.learners);
  if (!Number.isInteger(learners) || learners < 10 || learners > 2_000_000) fail("--learners must be a whole number from 10 to 2,000,000.");

  const started = performance.now();
  await migrateDb(getDb(), dbKind());
  const result = await seedScale({
    db: getDb(),
    kind: dbKind(),
    learners,
    reset: values.reset,
    seed: values.seed ? Number(values.seed) : undefined,
    log: (line) => console.log(`  ${line}`),
  });
  if (result.status === "exists") {
    console.log(
      `Scale seed data is already in place (${result.learners.toLocaleString("en")} learners); nothing changed. Use --reset to replace it.`,
    );
  } else {
    const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
    console.log(
      `Seeded ${learners.toLocaleString("en")} learners (${total.toLocaleString("en")} rows) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
    console.log(`Every seed account (admin@scale.cohort, instructor01…60@scale.cohort, learners) uses the password: ${SCALE_PASSWORD}`);
  }
  await closeDb();
}

main().catch(async (e) => {
  await closeDb().catch(() => {});
  fail(e instanceof SeedRefusedError ? e.message : `Scale seed failed: ${(e as Error).message}`);
});
