/**
 * Security finding 7, measured on a running server: while a signed-in
 * learner sends a 10 MB JSON body (once with a declared length, once chunked
 * without one), is it refused (413) without stalling anyone else?
 *
 * Starts the built app (`--reuse-build` reuses .next-e2e) on a throwaway
 * PostgreSQL database with the demo data, signs in a demo learner, and while
 * each oversize PUT is in flight, asks another endpoint for its session every
 * 20 ms. Prints how long the refusal took and what the other requests waited.
 * The target is ≤ 100 ms for the other requests; the check fails only on a
 * stall (≥ 1 s, what the old parse-then-check did for 18 s), so a busy machine
 * does not make it flaky.
 *
 *   npm run check:oversize-body -- [--reuse-build]
 */
import http from "node:http";
import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD, demoLearners } from "../db/seed/demo/accounts";
import { Browser, createScratchDatabase, DEFAULT_PG, ensureBuild, migrateAndSeed, percentile, sleep, startApp } from "./harness";

const MB = 1024 * 1024;
const TARGET_MS = 100;
const STALL_MS = 1000;

/** Stream `total` bytes of "[" to the server (nested JSON, the old attack); resolves with the status and the time to answer. */
function sendOversize(url: URL, cookie: string, total: number, declareLength: boolean) {
  return new Promise<{ status: number; ms: number; sent: number }>((resolve, reject) => {
    const started = performance.now();
    let sent = 0;
    const headers: Record<string, string> = { "content-type": "application/json", cookie, origin: url.origin };
    if (declareLength) headers["content-length"] = String(total);
    const req = http.request(url, { method: "PUT", headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, sent }));
    });
    req.on("error", (e: NodeJS.ErrnoException) => {
      // the server may close the connection once it has refused: that is the point
      if (e.code === "EPIPE" || e.code === "ECONNRESET") resolve({ status: -1, ms: performance.now() - started, sent });
      else reject(e);
    });
    const chunk = Buffer.alloc(64 * 1024, "[");
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

async function main() {
  const reuse = process.argv.includes("--reuse-build");
  const base = process.env.TEST_DATABASE_URL ?? DEFAULT_PG;
  const distDir = ".next-e2e";
  const db = await createScratchDatabase(base, "cohort_oversize");
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let failed = false;
  try {
    await migrateAndSeed(db.url);
    ensureBuild(distDir, { reuse });
    const port = 3290 + Math.floor(Math.random() * 9);
    app = await startApp({
      port,
      distDir,
      env: {
        DATABASE_URL: db.url,
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        NEXTAUTH_SECRET: randomUUID(),
        COHORT_DEMO: "1",
        NOTIFICATIONS_WORKER: "0",
      },
    });
    const learner = new Browser(app.url);
    const signedIn = await learner.signIn(demoLearners[0].email, DEMO_PASSWORD);
    if (!signedIn.ok) throw new Error(`could not sign in the demo learner: ${JSON.stringify(signedIn)}`);
    const other = new Browser(app.url);
    await other.signIn(demoLearners[1].email, DEMO_PASSWORD);
    const target = new URL(`/api/reflections/${randomUUID()}/prompt-1`, app.url);

    console.log(
      `Oversize JSON bodies against ${app.url} (a 10 MB PUT from a signed-in learner; another learner's requests every 20 ms meanwhile)\n`,
    );
    for (const declareLength of [true, false]) {
      const waits: number[] = [];
      let running = true;
      const background = (async () => {
        while (running) {
          const t0 = performance.now();
          await other.fetch("/api/auth/session");
          waits.push(performance.now() - t0);
          await sleep(20);
        }
      })();
      await sleep(200); // a few requests before, for the baseline
      const result = await sendOversize(target, learner.cookieHeader(), 10 * MB, declareLength);
      await sleep(200);
      running = false;
      await background;
      const worst = Math.max(...waits);
      const how = declareLength ? "declared Content-Length" : "chunked, no length";
      const ok = (result.status === 413 || result.status === -1) && worst < STALL_MS;
      if (!ok) failed = true;
      console.log(
        `  ${ok ? "PASS" : "FAIL"}  ${how}: answered ${result.status === -1 ? "by closing the connection" : result.status} in ${result.ms.toFixed(0)} ms ` +
          `after ${(result.sent / MB).toFixed(1)} MB written; other requests meanwhile: ${waits.length}, p50 ${percentile(waits, 50).toFixed(0)} ms, ` +
          `max ${worst.toFixed(0)} ms (target ≤ ${TARGET_MS} ms: ${worst <= TARGET_MS ? "met" : "not met on this machine"})`,
      );
    }
  } finally {
    await app?.stop();
    await db.drop();
  }
  console.log(`RESULT: ${failed ? "FAIL" : "PASS"}`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
