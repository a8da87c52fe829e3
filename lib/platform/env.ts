/**
 * Environment, validated once (at start-up by instrumentation-node.ts, which
 * refuses to start on a bad value). Every variable the app's code reads is
 * declared here (the README's configuration table also lists those Next.js
 * reads itself), and app/, lib/ and proxy.ts read them through env() only.
 * The exceptions read process.env themselves:
 * - db/client.ts (DATABASE_URL, COHORT_DATA_DIR, DATABASE_POOL_SIZE): db/ sits
 *   below lib/ and must not import it, and scripts (e2e server, benchmark)
 *   point it at a database by setting DATABASE_URL while running, after env()
 *   may have been read. The values are still validated here at start-up.
 * - proxy.ts: NODE_ENV, which Next.js inlines only when written
 *   `process.env.NODE_ENV`.
 * - next.config.js, drizzle.config.ts, scripts/, e2e/ and test helpers: tool
 *   and test settings (NEXT_DIST_DIR, TEST_DATABASE_URL, E2E_*, BENCH_*...)
 *   that the app itself never reads.
 */
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  COHORT_DATA_DIR: z.string().default(".data"),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /** the port `npm start` serves on; the public origin's fallback when NEXTAUTH_URL is not set */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** set by `npm run dev` / `npm start` when running on the embedded database */
  COHORT_DEMO: z.enum(["0", "1"]).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(120),
  SESSION_MAX_HOURS: z.coerce.number().int().positive().default(12),
  /** connections per app instance (read by db/client.ts) */
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
  SMTP_URL: z.string().optional(),
  /** sender of invite emails, e.g. "Training Programme <training@example.org>" */
  SMTP_FROM: z.string().optional(),
  /** "0": this process does not run the notifications worker (`npm run worker` runs it elsewhere) */
  NOTIFICATIONS_WORKER: z.enum(["0", "1"]).default("1"),
  /** folder holding the built-in module content (default: the repo's content/, lib/learning/module/content-files.ts) */
  COHORT_CONTENT_DIR: z.string().optional(),
  /** reverse proxies in front of the app that append to X-Forwarded-For; 0: clients connect directly (lib/platform/http/request.ts) */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`Configuration error: ${issue.path.join(".")}: ${issue.message}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Demo mode: embedded database, demo data, demo credentials on the sign-in page. */
export function isDemo(): boolean {
  const e = env();
  if (e.COHORT_DEMO) return e.COHORT_DEMO === "1";
  return !e.DATABASE_URL;
}

/** One line explaining why the app cannot start, or null. */
export function startupProblem(): string | null {
  try {
    const e = env();
    if (e.NODE_ENV === "production" && !e.NEXTAUTH_SECRET) {
      return "Cohort cannot start: NEXTAUTH_SECRET is not set (generate one with `openssl rand -base64 32`).";
    }
    return null;
  } catch (err) {
    return `Cohort cannot start: ${(err as Error).message}`;
  }
}
