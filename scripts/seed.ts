/** `npm run db:seed`: migrate, then add the demo data (idempotent). */
import { closeDb, dbKind, getDb, DatabaseLockedError } from "../db/client";
import { migrateDb } from "../db/migrate";
import { seedDemo } from "../db/seed/demo/seed";

async function main() {
  await migrateDb(getDb(), dbKind());
  await seedDemo(getDb());
  console.log("Demo data is in place.");
  await closeDb();
}

main().catch((e) => {
  console.error(e instanceof DatabaseLockedError ? e.message : `Seeding failed: ${(e as Error).message}`);
  process.exit(1);
});
