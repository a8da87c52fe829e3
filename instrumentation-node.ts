/**
 * Runs once when a server process starts: record each request's socket
 * address for the app (lib/platform/http/peer-address.ts), refuse to start on a bad
 * configuration (one line) or on module content that does not validate
 * (every problem, with its file and field), and on the embedded database
 * migrate, publish the built-in module and seed the demo data.
 */
import { dbKind, getDb, isEmbedded } from "./db/client";
import { migrateDb } from "./db/migrate";
import { seedDemo } from "./db/seed/demo/seed";
import { builtInContentProblem } from "./lib/learning/module/content-files";
import { publishBuiltInModules } from "./lib/learning/module/publish";
import http from "node:http";
import { renderEmail } from "./emails/render";
import { startNotificationWorker } from "./lib/notifications/runner";
import { installPeerAddressHook } from "./lib/platform/http/peer-address";
import { env, isDemo, startupProblem } from "./lib/platform/env";

export async function registerNode() {
  // first: the client address the app uses comes from the socket, never from a header the client chose
  installPeerAddressHook(http);
  const problem = startupProblem() ?? builtInContentProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  if (isEmbedded()) {
    await migrateDb(getDb(), dbKind());
    await publishBuiltInModules(getDb());
    if (isDemo()) await seedDemo(getDb(), { render: renderEmail });
  }
  // reminders and notices; NOTIFICATIONS_WORKER=0 where `npm run worker` runs it apart
  if (env().NOTIFICATIONS_WORKER === "1") startNotificationWorker({ db: getDb(), render: renderEmail });
}
