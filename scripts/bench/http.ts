/** Signing in over HTTP the way a browser does, and fixed-concurrency load runs. */
import http from "node:http";

/** next-auth credentials sign-in; returns the Cookie header value that carries the session. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = csrfRes.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, origin: base },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${base}/` }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => /^(__Host-)?cohort\.session=/.test(c));
  if (!session) throw new Error(`sign-in failed for ${email} (HTTP ${res.status})`);
  return session;
}

/** Run `worker` over `items` with at most `limit` at a time. */
export async function mapLimit<T, R>(items: T[], limit: number, worker: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await worker(items[i], i);
      }
    }),
  );
  return out;
}

export type Request = { method?: string; path: string; headers?: Record<string, string>; body?: string };

/** What one load run (or several, merged) observed. */
export type Samples = {
  /** per-request latency, ms, in completion order */
  latencies: number[];
  /** wall time the requests were in flight, s */
  seconds: number;
  /** answers by status code, plus "conn-errors" and "timeouts" */
  statuses: Record<string, number>;
  /** non-2xx answers, connection errors and timeouts */
  errors: number;
};

export type LoadResult = {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  statuses: Record<string, number>;
};

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** Several runs as one: latencies pooled, times and counts added. */
export function mergeSamples(runs: Samples[]): Samples {
  const statuses: Record<string, number> = {};
  for (const r of runs) for (const [k, n] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + n;
  return {
    latencies: runs.flatMap((r) => r.latencies),
    seconds: runs.reduce((t, r) => t + r.seconds, 0),
    statuses,
    errors: runs.reduce((t, r) => t + r.errors, 0),
  };
}

export function summarize(s: Samples): LoadResult {
  const sorted = [...s.latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    seconds: s.seconds,
    rps: s.seconds > 0 ? sorted.length / s.seconds : NaN,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    errors: s.errors,
    statuses: s.statuses,
  };
}

/** One request on a keep-alive agent; answers the status once the whole body is in. */
function send(agent: http.Agent, base: URL, r: Request, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: base.hostname, port: base.port, path: r.path, method: r.method ?? "GET", headers: r.headers, agent },
      (res) => {
        res.on("data", () => {});
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new TimeoutError()));
    req.on("error", reject);
    req.end(r.body);
  });
}

class TimeoutError extends Error {}

/**
 * Fixed concurrency for a fixed time (or a fixed number of requests):
 * `connections` clients, each sending its next request as soon as the last
 * one is answered, on one keep-alive connection. A request started before
 * the time is up is waited for and counted, however slow: a short round
 * never drops the slowest answers (which would flatter p99) nor counts the
 * server's work on them without the requests. `next()` gives each request
 * its path, headers and body, so requests can rotate through sessions or
 * consume prepared quiz attempts.
 */
export async function runLoad(opts: {
  base: string;
  connections: number;
  duration?: number;
  amount?: number;
  /** instead of a duration: run until this answers true (checked before each request) */
  until?: () => boolean;
  next: () => Request;
}): Promise<Samples> {
  const base = new URL(opts.base);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let issued = 0;
  const t0 = performance.now();
  const end = t0 + (opts.duration ?? 10) * 1000;
  const more = () => (opts.until ? !opts.until() : opts.amount ? issued < opts.amount : performance.now() < end);
  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        while (more()) {
          issued++;
          const request = opts.next();
          const start = performance.now();
          try {
            const status = await send(agent, base, request, 10_000);
            latencies.push(performance.now() - start);
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (status < 200 || status >= 300) errors++;
          } catch (e) {
            const kind = e instanceof TimeoutError ? "timeouts" : "conn-errors";
            statuses[kind] = (statuses[kind] ?? 0) + 1;
            errors++;
          }
        }
      } finally {
        agent.destroy();
      }
    }),
  );
  return { latencies, seconds: (performance.now() - t0) / 1000, statuses, errors };
}
