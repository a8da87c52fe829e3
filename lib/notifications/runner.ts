import { sql } from "drizzle-orm";
import { execRows, getDb, type DbOrTx } from "@/db/client";
import { env } from "@/lib/platform/env";
import { sweepReminders } from "./sweep";
import type { EmailRenderer } from "./render";
import { mailboxTransport, smtpTransport, type Transport } from "./transport";
import { BATCH, runOnce, type Outcome, type WorkerConfig } from "./worker";

/** How often the worker looks for due messages, and how often it sweeps for reminders. */
export const POLL_MS = 5_000;
export const SWEEP_MS = 15 * 60_000;

export async function workerConfig(db: DbOrTx, render: EmailRenderer, transport?: Transport): Promise<WorkerConfig> {
  const e = env();
  const [org] = await execRows<{ name: string }>(db, sql`select organisation_name as name from org_settings where id = 1`);
  return {
    transport: transport ?? (e.SMTP_URL ? await smtpTransport(e.SMTP_URL) : mailboxTransport()),
    origin: new URL(e.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).origin,
    from: e.SMTP_FROM ?? "Cohort <no-reply@localhost>",
    organizationName: org?.name ?? "Cohort Training Program",
    secret: e.NEXTAUTH_SECRET ?? "",
    render,
  };
}

/** Deliver due messages, batch after batch, until a batch comes back short or `stopped()`: one worker tick. */
export async function drain(db: DbOrTx, config: WorkerConfig, stopped: () => boolean = () => false): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  while (!stopped()) {
    const batch = await runOnce(db, config);
    outcomes.push(...batch);
    if (batch.length < BATCH) break;
  }
  return outcomes;
}

/**
 * Run the worker in this process until `stop()`: deliver due messages every
 * few seconds, sweep for reminders every 15 minutes. Several processes may
 * run it on one database: claims skip each other's rows and sweeps are keyed.
 * A failing pass is logged (without message bodies) and tried again.
 */
export function startNotificationWorker({
  db = getDb(),
  render,
  log = console,
}: {
  db?: DbOrTx;
  /** the email templates (emails/render.tsx): the entry point gives them, lib/ knows nothing of React */
  render: EmailRenderer;
  log?: Pick<Console, "error" | "info">;
}) {
  let stopped = false;
  let lastSweep = 0;
  let timer: NodeJS.Timeout | undefined;
  let config: WorkerConfig | undefined;
  const tick = async () => {
    try {
      config ??= await workerConfig(db, render);
      if (Date.now() - lastSweep >= SWEEP_MS) {
        lastSweep = Date.now();
        await sweepReminders(db);
      }
      await drain(db, config, () => stopped);
    } catch (e) {
      log.error(`notifications: ${(e as Error).message}`);
    } finally {
      if (!stopped) timer = setTimeout(tick, POLL_MS);
    }
  };
  timer = setTimeout(tick, 1_000);
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      config?.transport.close();
    },
  };
}
