/**
 * `npm run worker`: the notifications worker on its own, for deployments that
 * run it apart from the web servers (set NOTIFICATIONS_WORKER=0 on those).
 * Needs DATABASE_URL (the embedded database belongs to the app process).
 */
import { getDb, isEmbedded } from "@/db/client";
import { renderEmail } from "@/emails/render";
import { startNotificationWorker } from "@/lib/notifications/runner";

if (isEmbedded()) {
  console.error("npm run worker needs DATABASE_URL: with the embedded database the app runs the worker itself.");
  process.exit(1);
}
const worker = startNotificationWorker({ db: getDb(), render: renderEmail });
console.info("Notifications worker running. Ctrl-C stops it.");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    worker.stop();
    process.exit(0);
  });
}
