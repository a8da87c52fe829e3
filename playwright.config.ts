import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);

// Chosen once by the runner and inherited by the server and the test workers:
// tests read the e2e database (fixtures, "nothing changed" checks) and make
// cookies with the server's secret (forged-JWT tests).
// the runner's pid in the name lets a later run drop databases whose runner was killed
process.env.E2E_DB_NAME ??= `cohort_e2e_${process.pid}_${randomBytes(3).toString("hex")}`;
process.env.E2E_NEXTAUTH_SECRET ??= randomBytes(32).toString("base64");
export const baseURL = `http://127.0.0.1:${port}`;

/** Playwright's own Chromium when it was installed, otherwise Debian's. */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH ?? path.join(os.homedir(), ".cache", "ms-playwright");
  if (fs.existsSync(cache) && fs.readdirSync(cache).some((d) => d.startsWith("chromium"))) return undefined;
  for (const p of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (fs.existsSync(p)) return p;
  return undefined;
}

const executablePath = chromiumPath();

export default defineConfig({
  testDir: "e2e",
  // Playwright empties its output folder when it starts: keep it apart from
  // the reports in test-results/ (vitest.json was being deleted before the summary)
  outputDir: "test-results/playwright",
  // Ceilings, not budgets: every step waits on a condition, and on a busy
  // 2-core machine (load 25–40 beside CI) one admin sign-in took over 10 s and
  // the admin journey over 3 minutes. Long journeys raise their own ceiling.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["json", { outputFile: process.env.E2E_JSON ?? "test-results/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: executablePath
        ? [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ]
        : [],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"], testIgnore: /auth\.setup\.ts/ },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${baseURL}/signin`,
    reuseExistingServer: false,
    // SIGTERM (not the default kill) so the server drops its throwaway database
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(port), E2E_DB_NAME: process.env.E2E_DB_NAME, E2E_NEXTAUTH_SECRET: process.env.E2E_NEXTAUTH_SECRET },
  },
});
