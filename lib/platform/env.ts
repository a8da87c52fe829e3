/**
 * Environment, validated once. Every variable the app reads is listed here
 * (and in the README's configuration table).
 */
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  COHORT_DATA_DIR: z.string().default(".data"),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /** set by `npm run dev` / `npm start` when running on the embedded database */
  COHORT_DEMO: z.enum(["0", "1"]).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(120),
  SESSION_MAX_HOURS: z.coerce.number().int().positive().default(12),
  SMTP_URL: z.string().optional(),
  /** sender of invite emails, e.g. "Training Programme <training@example.org>" */
  SMTP_FROM: z.string().optional(),
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
