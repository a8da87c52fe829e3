/**
 * Runs before every request that is not a static asset. It only sets headers
 * (CSP nonce, HSTS, no-store): it never decides who may see what. Every page,
 * route handler and server action checks the session and scope itself, so a
 * request that skips this file (the x-middleware-subrequest advisories) loses
 * headers, never data.
 */
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/platform/env";
import { contentSecurityPolicy, HSTS, newNonce, servedOverHttps } from "@/lib/platform/http/security-headers";

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const https = servedOverHttps(env().NEXTAUTH_URL, request.headers);
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development", https });

  // Next.js reads the nonce from the request's CSP header and puts it on its scripts
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  // where "sign in, then come back here" returns to (app/_edge/http.ts); set here, so a client cannot choose it
  requestHeaders.set("x-request-path", request.nextUrl.pathname + request.nextUrl.search);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  // pages and exports hold personal data: no copy in any browser or shared cache
  response.headers.set("Cache-Control", "no-store");
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static/|_next/image|favicon.ico|robots.txt).*)"],
};
