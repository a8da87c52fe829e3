/**
 * Shared by the operations checks (fault-db-restart, multi-instance,
 * backup-restore): throwaway PostgreSQL databases, a built app started with
 * `next start` on a port of our choosing, and a little HTTP client that keeps
 * cookies the way a browser does.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { migrateDb } from "../db/migrate";
import * as schema from "../db/schema";
export { actionForms, multipart } from "./action-forms";
import { seedDemo } from "../db/seed/demo/seed";

export const root = path.resolve(__dirname, "..");
export const DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/postgres";

export function databaseUrl(base: string, name: string) {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A new, empty database on the server of `base`; `drop()` removes it. */
export async function createScratchDatabase(base: string, prefix: string) {
  const host = new URL(base).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host))
    throw new Error(`refusing to create test databases on ${host}: local servers only`);
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  return {
    name,
    url: databaseUrl(base, name),
    drop: async () => {
      const a = postgres(base, { max: 1, onnotice: () => {}, connect_timeout: 10 });
      await a.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
      await a.end();
    },
  };
}

/** Migrate and load the demo data (people and the published module). */
export async function migrateAndSeed(url: string) {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  const db = drizzle(client, { schema });
  await migrateDb(db, "postgres");
  await seedDemo(db);
  await client.end();
}

/** `next build` into distDir unless told to reuse an existing build there. */
export function ensureBuild(distDir: string, { reuse, env = {} }: { reuse: boolean; env?: Record<string, string> }) {
  const buildId = path.join(root, distDir, "BUILD_ID");
  if (reuse && fs.existsSync(buildId)) {
    console.log(`Using the existing build in ${distDir}.`);
    return;
  }
  console.log(`Building into ${distDir} …`);
  const started = Date.now();
  const r = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir, ...env },
    encoding: "utf8",
  });
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    throw new Error("next build failed");
  }
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

export type App = { port: number; url: string; child: ChildProcess; log: string[]; stop: () => Promise<void> };

/** `next start` on the built app, in its own process group, ready when /signin answers. */
export async function startApp({
  port,
  distDir,
  env,
}: {
  port: number;
  distDir: string;
  env: Record<string, string | undefined>;
}): Promise<App> {
  const child = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    // TRUSTED_PROXY_HOPS=1: as if behind one reverse proxy, so the checks can stand for
    // many clients by sending X-Forwarded-For (without it the client is the socket)
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir, TRUSTED_PROXY_HOPS: "1", ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  const keep = (b: Buffer) => {
    log.push(...b.toString().split("\n").filter(Boolean));
    if (log.length > 500) log.splice(0, log.length - 500);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  const app: App = {
    port,
    url,
    child,
    log,
    stop: async () => {
      if (child.exitCode !== null) return;
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        /* gone */
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          try {
            process.kill(-child.pid!, "SIGKILL");
          } catch {
            /* gone */
          }
          resolve();
        }, 5000);
        child.once("exit", () => {
          clearTimeout(t);
          resolve();
        });
      });
    },
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start on ${port} exited:\n${log.join("\n")}`);
    try {
      const r = await fetch(`${url}/signin`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return app;
    } catch {
      /* not yet */
    }
    await sleep(250);
  }
  await app.stop();
  throw new Error(`next start on ${port} did not answer within 60 s:\n${log.join("\n")}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A cookie jar and fetch wrapper: one per simulated browser. */
export class Browser {
  cookies = new Map<string, string>();
  constructor(public base: string) {}

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async fetch(pathOrUrl: string, init: RequestInit & { timeoutMs?: number } = {}) {
    const url = pathOrUrl.startsWith("http") ? pathOrUrl : `${this.base}${pathOrUrl}`;
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const res = await fetch(url, { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(init.timeoutMs ?? 30_000) });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Sign in through next-auth's endpoints, as the sign-in form does. */
  async signIn(email: string, password: string, extraHeaders: Record<string, string> = {}) {
    const csrf = (await (await this.fetch("/api/auth/csrf", { headers: extraHeaders })).json()) as { csrfToken: string };
    const res = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(this.base).origin, ...extraHeaders },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, json: "true" }),
    });
    const body = (await res.json().catch(() => ({}))) as { url?: string };
    const error = body.url ? new URL(body.url, this.base).searchParams.get("error") : null;
    return { ok: res.ok && !error && [...this.cookies.keys()].some((k) => k.endsWith("cohort.session")), error, status: res.status };
  }

  sessionCookie() {
    for (const [k, v] of this.cookies) if (k.endsWith("cohort.session")) return v;
    return undefined;
  }
}

/** Percentile of a list of numbers (nearest rank). */
export function percentile(values: number[], p: number) {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
