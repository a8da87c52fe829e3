import "server-only";
import type { Db } from "@/db/client";
import { seedDemo as seedDemoPeople } from "@/db/seed/demo";
import { seedDemoSettings } from "@/lib/certificates/settings";
import { publishBuiltInModules } from "@/lib/module/publish";

/**
 * Everything demo mode shows: people, the published module, and (added by the
 * learner journey) cohorts with learners at every stage. Idempotent.
 */
export async function seedDemo(db: Db) {
  await seedDemoPeople(db);
  await publishBuiltInModules(db);
  await seedDemoSettings(db);
}
