/**
 * `npm run fault:db-restart`: PostgreSQL goes away under load, and comes back.
 *
 * Starts the built app on a PostgreSQL server of its own (a private cluster in
 * a temporary folder, so nobody else's tests notice), drives writes from
 * several clients (scripts/fault/write-kinds.ts) and keeps loading a
 * signed-in page, then stops PostgreSQL for a few seconds and starts it again.
 * It shows that:
 *   1. requests during the outage fail fast (none slower than FAIL_FAST_MS);
 *   2. a page asked for during the outage gets the error page, status 500;
 *   3. the app recovers by itself once PostgreSQL is back;
 *   4. every write the app acknowledged is in the database.
 *
 * Options: --reuse-build (use the existing build in NEXT_DIST_DIR, default .next-e2e, the end-to-end tests' build),
 * --hold N (seconds PostgreSQL stays down; 0 = `pg_ctl restart`, default 5),
 * --shared-cluster (restart the machine's cluster with pg_ctlcluster instead of
 * a private one: only on a machine where nothing else uses it), --port P.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { writeKinds, type Attempt, type FaultContext } from "./fault/write-kinds";
import { Browser, createScratchDatabase, DEFAULT_PG, ensureBuild, migrateAndSeed, percentile, sleep, startApp, type App } from "./harness";
import { createPrivatePostgres, runAsync } from "./private-postgres";

const FAIL_FAST_MS = 5000;
const RECOVERY_LIMIT_MS = 15_000;
/** Next.js's document for a failed render; the browser then shows app/error.tsx (checked in Chromium below) */
const ERROR_DOCUMENT = /<html[^>]*id="__next_error__"/;
const ERROR_PAGE_HEADING = /Something went wrong|Cohort is having trouble/;

const { values: args } = parseArgs({
  options: {
    "reuse-build": { type: "boolean", default: false },
    "shared-cluster": { type: "boolean", default: false },
    hold: { type: "string", default: "5" },
    port: { type: "string", default: process.env.FAULT_PORT ?? "3290" },
    "pg-port": { type: "string", default: process.env.FAULT_PG_PORT ?? "5499" },
    clients: { type: "string", default: "4" },
  },
});

type Sample = {
  kind: string;
  start: number;
  end: number;
  ok: boolean;
  status: number;
  error?: string;
  acknowledged?: boolean;
  key?: string;
  errorPage?: boolean;
};

/** Playwright's own Chromium if installed, else Debian's (as playwright.config.ts chooses). */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const p of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (fs.existsSync(p)) return p;
  return undefined;
}

function pgIsReady(url: string) {
  const u = new URL(url);
  return spawnSync("pg_isready", ["-q", "-h", u.hostname, "-p", u.port || "5432"]).status === 0;
}

async function main() {
  const hold = Number(args.hold);
  const port = Number(args.port);
  const distDir = process.env.NEXT_DIST_DIR ?? ".next-e2e";
  const cleanups: (() => Promise<void> | void)[] = [];
  const cleanup = async () => {
    for (const c of cleanups.reverse()) await Promise.resolve(c()).catch((e) => console.error(`cleanup: ${(e as Error).message}`));
  };
  process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));

  let serverUrl: string;
  let down: () => Promise<void>;
  let up: () => Promise<void>;
  let restart: () => Promise<void>;
  if (args["shared-cluster"]) {
    serverUrl = process.env.FAULT_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? DEFAULT_PG;
    const version = fs.readdirSync("/etc/postgresql")[0];
    const ctl = (action: string) => () =>
      runAsync(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action], `pg_ctlcluster ${action}`);
    down = ctl("stop");
    up = ctl("start");
    restart = ctl("restart");
    console.log(`PostgreSQL: the machine's cluster ${version}/main (it will be restarted).`);
  } else {
    const pg = createPrivatePostgres(Number(args["pg-port"]));
    cleanups.push(() => pg.destroy());
    serverUrl = pg.url;
    down = pg.stop;
    up = pg.start;
    restart = pg.restart;
    console.log(`PostgreSQL: a private server on port ${pg.port} (data in ${pg.dir}).`);
  }

  try {
    ensureBuild(distDir, { reuse: args["reuse-build"] });
    const db = await createScratchDatabase(serverUrl, "cohort_fault");
    cleanups.push(() => db.drop());
    await migrateAndSeed(db.url);
    const secret = randomBytes(32).toString("base64");
    const app: App = await startApp({
      port,
      distDir,
      env: {
        DATABASE_URL: db.url,
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        NEXTAUTH_SECRET: secret,
        COHORT_DEMO: "0",
        DATABASE_POOL_SIZE: "10",
      },
    });
    cleanups.push(() => app.stop());
    const sql = postgres(db.url, { max: 2, onnotice: () => {}, connect_timeout: 5 });
    cleanups.push(() => sql.end({ timeout: 2 }).catch(() => {}));

    const { demoLearners, DEMO_PASSWORD } = await import("../db/seed/demo/accounts");
    const ctx: FaultContext = { appUrl: app.url, secret, sql, learners: demoLearners.map((l) => l.email), password: DEMO_PASSWORD };
    for (const k of writeKinds) await k.prepare?.(ctx);

    // a signed-in reader: the page a person would be looking at when the database goes away
    const reader = new Browser(app.url);
    if (!(await reader.signIn("admin@demo.cohort", DEMO_PASSWORD)).ok) throw new Error("could not sign in the page reader");

    const samples: Sample[] = [];
    let stopping = false;
    let n = 0;
    const writer = async (w: number) => {
      while (!stopping) {
        const i = n++;
        const kind = writeKinds[(i + w) % writeKinds.length];
        const start = Date.now();
        let r: Attempt | null;
        try {
          r = await kind.attempt(ctx, i);
          if (r)
            samples.push({
              kind: kind.name,
              start,
              end: Date.now(),
              ok: r.acknowledged,
              status: r.status,
              acknowledged: r.acknowledged,
              key: r.key,
            });
        } catch (e) {
          samples.push({ kind: kind.name, start, end: Date.now(), ok: false, status: 0, error: (e as Error).message });
          await sleep(50);
        }
      }
    };
    const pageReader = async () => {
      while (!stopping) {
        const start = Date.now();
        try {
          const res = await reader.fetch("/admin/users");
          const body = await res.text();
          samples.push({
            kind: "page /admin/users",
            start,
            end: Date.now(),
            ok: res.status === 200 && body.includes("emily.chen@demo.cohort"),
            status: res.status,
            errorPage: ERROR_DOCUMENT.test(body),
          });
        } catch (e) {
          samples.push({ kind: "page /admin/users", start, end: Date.now(), ok: false, status: 0, error: (e as Error).message });
        }
        await sleep(100);
      }
    };

    const clients = Number(args.clients);
    console.log(`Load: ${clients} writing clients (${writeKinds.map((k) => k.name).join("; ")}) and a signed-in page reader.`);
    const loops = [...Array.from({ length: clients }, (_, w) => writer(w)), pageReader()];
    await sleep(6000);

    // what a person sees: the same page in Chromium while the database is down
    const { chromium } = await import("@playwright/test");
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    cleanups.push(() => browser.close());
    const context = await browser.newContext();
    await context.addCookies([...reader.cookies].map(([name, value]) => ({ name, value, url: app.url })));
    let seenInBrowser = "";

    const outageStart = Date.now();
    if (hold > 0) {
      console.log(`Stopping PostgreSQL for ${hold} s …`);
      await down();
      const page = await context.newPage();
      const res = await page.goto(`${app.url}/admin/users`).catch(() => null);
      const heading = await page
        .locator("h1")
        .first()
        .textContent({ timeout: 5000 })
        .catch(() => "");
      seenInBrowser = `status ${res?.status() ?? "none"}, heading "${heading}"`;
      fs.mkdirSync("test-results", { recursive: true });
      await page.screenshot({ path: "test-results/fault-error-page.png" }).catch(() => {});
      await sleep(Math.max(0, hold * 1000 - (Date.now() - outageStart)));
      await up();
    } else {
      console.log("Restarting PostgreSQL …");
      await restart();
    }
    while (!pgIsReady(db.url)) await sleep(50);
    const outageEnd = Date.now();
    console.log(`PostgreSQL is back after ${((outageEnd - outageStart) / 1000).toFixed(1)} s.`);
    await sleep(12_000);
    stopping = true;
    await Promise.all(loops);
    const loadEnd = Date.now();

    // what the clients saw
    const during = samples.filter((s) => s.end >= outageStart && s.start <= outageEnd);
    const failedDuring = during.filter((s) => !s.ok);
    const slowestFailure = Math.max(0, ...samples.filter((s) => !s.ok).map((s) => s.end - s.start));
    const errorPages = samples.filter((s) => s.kind.startsWith("page") && !s.ok && s.start >= outageStart && s.start <= outageEnd);
    const firstSuccessAfter = Object.fromEntries(
      [...writeKinds.map((k) => k.name), "page /admin/users"].map((k) => {
        const s = samples.filter((x) => x.kind === k && x.ok && x.start >= outageEnd).sort((a, b) => a.start - b.start)[0];
        return [k, s ? s.end - outageEnd : Infinity];
      }),
    );
    const settled = samples.filter((s) => s.start >= outageEnd + 5000);
    const settledFailures = settled.filter((s) => !s.ok);

    // what the database holds
    const writeRows: string[] = [];
    let lost = 0;
    for (const k of writeKinds) {
      const acked = samples.filter((s) => s.kind === k.name && s.acknowledged && s.key).map((s) => s.key!);
      const stored = await k.stored(sql, acked);
      const missing = acked.filter((key) => !stored.has(key));
      lost += missing.length;
      const attempts = samples.filter((s) => s.kind === k.name).length;
      writeRows.push(
        `    ${k.name}: ${attempts} attempts, ${acked.length} acknowledged, ${acked.length - missing.length} of them stored${missing.length ? ` — MISSING ${missing.slice(0, 5).join(", ")}` : ""}`,
      );
    }

    const checks: [string, boolean, string][] = [
      [
        "requests during the outage fail fast",
        failedDuring.length > 0 && slowestFailure <= FAIL_FAST_MS,
        `${during.length} requests overlapped the outage, ${failedDuring.length} failed; slowest failure ${slowestFailure} ms (limit ${FAIL_FAST_MS} ms); p95 of all failures ${percentile(
          samples.filter((s) => !s.ok).map((s) => s.end - s.start),
          95,
        )} ms`,
      ],
      [
        "a page during the outage shows the error page",
        errorPages.length > 0 &&
          errorPages.every((s) => s.status === 500 && s.errorPage) &&
          (hold === 0 || ERROR_PAGE_HEADING.test(seenInBrowser)),
        `${errorPages.length} page loads failed during the outage: statuses ${[...new Set(errorPages.map((s) => s.status))].join(", ") || "none"}, error document in ${errorPages.filter((s) => s.errorPage).length}` +
          (hold > 0 ? `; in Chromium: ${seenInBrowser} (test-results/fault-error-page.png)` : ""),
      ],
      [
        "the app recovers by itself",
        Object.values(firstSuccessAfter).every((ms) => ms <= RECOVERY_LIMIT_MS) && settled.length > 0 && settledFailures.length === 0,
        `first success after PostgreSQL was back: ${Object.entries(firstSuccessAfter)
          .map(([k, ms]) => `${k.split(" (")[0]} ${Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : "never"}`)
          .join(", ")}; from 5 s after: ${settled.length} requests, ${settledFailures.length} failed`,
      ],
      [
        "no acknowledged write is lost",
        lost === 0 && writeKinds.every((k) => samples.some((s) => s.kind === k.name && s.acknowledged)),
        `${lost} lost`,
      ],
    ];

    console.log("");
    console.log(
      `Fault test: PostgreSQL ${hold > 0 ? `stopped for ${hold} s` : "restarted"} under load (${((loadEnd - outageStart + 6000) / 1000).toFixed(0)} s of load, ${samples.length} requests)`,
    );
    console.log(`  outage: ${((outageEnd - outageStart) / 1000).toFixed(1)} s until PostgreSQL accepted connections again`);
    console.log("  writes:");
    for (const row of writeRows) console.log(row);
    for (const [name, ok, detail] of checks) console.log(`  ${ok ? "PASS" : "FAIL"}  ${name}: ${detail}`);
    const errors = [...new Set(samples.filter((s) => s.error).map((s) => s.error!.slice(0, 80)))].slice(0, 5);
    if (errors.length) console.log(`  client-side errors seen: ${errors.join(" | ")}`);
    const passed = checks.every(([, ok]) => ok);
    if (!passed) console.log(`  app log (last lines):\n    ${app.log.slice(-15).join("\n    ")}`);
    console.log(`RESULT: ${passed ? "PASS" : "FAIL"}`);
    await cleanup();
    process.exit(passed ? 0 : 1);
  } catch (e) {
    console.error(`Fault test could not run: ${(e as Error).message}`);
    // never leave the server down
    if (!pgIsReady(serverUrl)) {
      await up().catch(() => {});
    }
    await cleanup();
    console.log("RESULT: FAIL");
    process.exit(1);
  }
}

main();
