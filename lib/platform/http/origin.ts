import { env } from "@/lib/platform/env";

/**
 * Is this request from one of our own pages? Browsers send `Origin` with
 * every POST/PUT/PATCH/DELETE (fetch and forms alike), and a page on another
 * site cannot forge it or add the `X-Forwarded-Host` header without a CORS
 * preflight we never grant. Our own origin is either:
 *
 * - the public URL (`NEXTAUTH_URL`), which stays right behind a reverse proxy
 *   that rewrites `Host` to the upstream address; or
 * - the host the request was sent to (`X-Forwarded-Host`, first value, else
 *   `Host`), which is how Next.js checks server actions.
 *
 * A missing, `null` or malformed Origin is refused: the request cannot be
 * shown to come from us.
 */
export function isOwnOrigin(headers: Headers, publicUrl: string | undefined = env().NEXTAUTH_URL): boolean {
  const raw = headers.get("origin");
  if (!raw || raw === "null") return false;
  let origin: URL;
  try {
    origin = new URL(raw);
  } catch {
    return false;
  }
  if (origin.protocol !== "http:" && origin.protocol !== "https:") return false;
  if (publicUrl) {
    try {
      if (new URL(publicUrl).origin === origin.origin) return true;
    } catch {
      /* a bad NEXTAUTH_URL is refused at start-up; fall through */
    }
  }
  const host = (headers.get("x-forwarded-host") ?? headers.get("host"))?.split(",")[0].trim().toLowerCase();
  return Boolean(host) && origin.host === host;
}

export const FOREIGN_ACTION_MESSAGE = "This form was not sent from a Cohort page, so nothing was changed. Reload the page and try again.";

/**
 * The check every server action makes before it runs (the action wrapper in
 * app/_edge calls it with the request's headers): null when the request comes
 * from one of our pages, else the message to show. Next.js compares Origin
 * with Host itself but lets a request *without* Origin through; browsers
 * always send one with a server action's POST, so its absence means the
 * request was not made by one of our pages.
 */
export function foreignActionProblem(headers: Headers, publicUrl: string | undefined = process.env.NEXTAUTH_URL): string | null {
  return isOwnOrigin(headers, publicUrl) ? null : FOREIGN_ACTION_MESSAGE;
}

/**
 * First line of every state-changing route handler: a 403 to send back when
 * the request comes from another site, or null when it may go on. (Server
 * actions: foreignActionProblem.) One route skips it by design: RFC 8058
 * one-click unsubscribe, which mail providers POST from their own servers
 * (`crossSite` in app/_edge/route.ts; SECURITY.md, "Requests from other sites").
 */
export function foreignOriginResponse(req: Request): Response | null {
  if (isOwnOrigin(req.headers)) return null;
  return new Response("Cross-site request refused.", {
    status: 403,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
