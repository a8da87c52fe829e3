/** `npm run db:seed`: migrate, then add the demo data (idempotent). */
import { closeDb, dbKind, getDb, DatabaseLockedError } from "../db/client";
import { migrateDb } from "../db/migrate";
import { seedDemo } from "../db/seed/demo/seed";
import { renderEmail } from "../emails/render";

async function main() {
  await migrateDb(getDb(), dbKind());
  // the demo mailbox's sent messages are rendered by the real templates (nothing is emailed)
  await seedDemo(getDb(), { render: renderEmail });
  console.log("Demo data is in place.");
  await closeDb();
}

main().catch((e) => {
  console.error(e instanceof DatabaseLockedError ? e.message : `Seeding failed: ${(e as Error).message}`);
  process.exit(1);
});
