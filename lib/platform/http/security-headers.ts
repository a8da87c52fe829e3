/**
 * The response headers every page and route handler carries (set by proxy.ts).
 * Pure functions of the request, so they can be tested without a server.
 */

/** 128 random bits, base64: unguessable and fresh for every request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Content-Security-Policy with a per-request nonce. Scripts run only with the
 * nonce (Next.js puts it on its own scripts) or when loaded by such a script
 * ('strict-dynamic'). Development needs 'unsafe-eval' (React's debug stacks)
 * and inline styles from hot reloading; production has neither.
 *
 * Style attributes (`style="…"`, which React and chart libraries render on the
 * server) cannot carry a nonce, so style-src-attr allows them; inline and
 * linked style sheets still need 'self' or the nonce.
 */
export function contentSecurityPolicy({ nonce, dev, https }: { nonce: string; dev: boolean; https: boolean }): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    dev ? ["style-src", "'self'", "'unsafe-inline'"] : ["style-src", "'self'", `'nonce-${nonce}'`],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "blob:", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...(dev ? ["ws:", "wss:"] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  if (https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

/** Served over HTTPS: the configured public URL says so, or the TLS-terminating proxy does. */
export function servedOverHttps(publicUrl: string | undefined, headers: Headers): boolean {
  if (publicUrl?.startsWith("https://")) return true;
  return headers.get("x-forwarded-proto")?.split(",")[0].trim() === "https";
}

export const HSTS = "max-age=31536000";
