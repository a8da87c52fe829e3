import type { Db } from "@/db/client";
import { seedDemo as seedDemoPeople } from "@/db/seed/demo/accounts";
import { seedDemoSettings } from "@/lib/certificates/settings";
import { publishBuiltInModules } from "@/lib/learning/module/publish";
import type { EmailRenderer } from "@/lib/notifications/render";
import { seedDemoMessages } from "./messages";
import { seedDemoProgress } from "./progress";

export { DEMO_REFLECTION_SENTENCE } from "./reflection-texts";
export { JOURNEY_LEARNER } from "./progress";

/**
 * Everything demo mode shows: people, the published module, and cohorts with
 * learners at every stage (db/seed/demo/progress.ts), and messages of every
 * kind in every state (messages.ts: `render`, the email templates, delivers
 * the sent ones at once; without it the app's worker does). Idempotent.
 */
export async function seedDemo(db: Db, { render }: { render?: EmailRenderer } = {}) {
  await seedDemoPeople(db);
  await publishBuiltInModules(db);
  await seedDemoSettings(db);
  await seedDemoProgress(db);
  await seedDemoMessages(db, render);
}
