/** Signing in over HTTP the way a browser does, and a fixed-concurrency load run with autocannon. */
import autocannon from "autocannon";

/** next-auth credentials sign-in; returns the Cookie header value that carries the session. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
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

export type LoadResult = {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** non-2xx answers, connection errors and timeouts */
  errors: number;
  statuses: Record<string, number>;
};

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/**
 * Fixed concurrency for a fixed time (or a fixed number of requests).
 * `next()` gives each request its path, headers and body, so requests can
 * rotate through sessions or consume prepared quiz attempts.
 */
export async function runLoad(opts: {
  base: string;
  connections: number;
  duration?: number;
  amount?: number;
  next: () => Request;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const instance = autocannon({
    url: opts.base,
    connections: opts.connections,
    // autocannon rejects an undefined duration; amount, when given, wins
    ...(opts.amount ? { amount: opts.amount } : { duration: opts.duration ?? 10 }),
    timeout: 10,
    requests: [{ setupRequest: (req) => ({ ...req, method: "GET", ...opts.next() }) }],
  });
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const non2xx = Object.entries(statuses)
    .filter(([s]) => !s.startsWith("2"))
    .reduce((n, [, c]) => n + c, 0);
  return {
    requests: latencies.length,
    seconds: result.duration,
    rps: latencies.length / result.duration,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    errors: non2xx + result.errors,
    statuses: { ...statuses, ...(result.errors ? { "conn-errors": result.errors } : {}), ...(result.timeouts ? { timeouts: result.timeouts } : {}) },
  };
}
