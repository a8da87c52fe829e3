/**
 * Runs once when a server process starts: record each request's socket
 * address for the app, refuse to start on a bad configuration (one line),
 * and on the embedded database migrate and seed the demo data.
 */
import { dbKind, getDb, isEmbedded } from "./db/client";
import { migrateDb } from "./db/migrate";
import { seedDemo } from "./db/seed/demo/seed";
import { publishBuiltInModules } from "./lib/learning/module/publish";
import http from "node:http";
import { isDemo, startupProblem } from "./lib/platform/env";
import { installPeerAddressHook } from "./lib/platform/http/peer-address";

export async function registerNode() {
  // first: the client address the app uses comes from the socket (lib/platform/http/peer-address.ts)
  installPeerAddressHook(http);
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
