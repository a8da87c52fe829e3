/**
 * Runs once when a server process starts: refuse to start on a bad
 * configuration (one line), and on the embedded database migrate and seed
 * the demo data.
 */
import { dbKind, getDb, isEmbedded } from "./db/client";
import { migrateDb } from "./db/migrate";
import { seedDemo } from "./lib/demo/seed";
import { publishBuiltInModules } from "./lib/module/publish";
import { isDemo, startupProblem } from "./lib/env";

export async function registerNode() {
  const problem = startupProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  if (!isEmbedded()) return;
  await migrateDb(getDb(), dbKind());
  await publishBuiltInModules(getDb());
  if (isDemo()) await seedDemo(getDb());
}
