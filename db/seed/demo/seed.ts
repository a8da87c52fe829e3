import type { Db } from "@/db/client";
import { seedDemo as seedDemoPeople } from "@/db/seed/demo/accounts";
import { seedDemoSettings } from "@/lib/certificates/settings";
import { publishBuiltInModules } from "@/lib/learning/module/publish";
import { seedDemoProgress } from "./progress";

export { DEMO_REFLECTION_SENTENCE } from "./reflection-texts";
export { JOURNEY_LEARNER } from "./progress";

/**
 * Everything demo mode shows: people, the published module, and cohorts with
 * learners at every stage (db/seed/demo/progress.ts). Idempotent.
 */
export async function seedDemo(db: Db) {
  await seedDemoPeople(db);
  await publishBuiltInModules(db);
  await seedDemoSettings(db);
  await seedDemoProgress(db);
}
