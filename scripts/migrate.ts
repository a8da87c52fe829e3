/** `npm run db:migrate`: apply committed migrations to DATABASE_URL, or to the embedded database. */
import { closeDb, dbKind, getDb, DatabaseLockedError } from "../db/client";
import { migrateDb } from "../db/migrate";
import { publishBuiltInModules } from "../lib/learning/module/publish";

async function main() {
  const kind = dbKind();
  await migrateDb(getDb(), kind);
  const published = await publishBuiltInModules(getDb());
  if (published.created) console.log(`Published module content as version ${published.version}.`);
  console.log(`Migrations applied (${kind === "postgres" ? "PostgreSQL" : "embedded database"}).`);
  await closeDb();
}

main().catch((e) => {
  console.error(e instanceof DatabaseLockedError ? e.message : `Migration failed: ${(e as Error).message}`);
  process.exit(1);
});
