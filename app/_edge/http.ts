import "server-only";
import { headers } from "next/headers";
import { DomainError } from "@/lib/platform/errors";
import { clientIpFrom } from "@/lib/platform/http/request";

/** The path (and query) of this request, as proxy.ts recorded it; for "sign in, then come back here". */
export async function requestPath(): Promise<string | null> {
  const path = (await headers()).get("x-request-path");
  return path && path.startsWith("/") && !path.startsWith("//") ? path : null;
}

export const signInUrl = (returnTo: string | null) => (returnTo ? `/signin?callbackUrl=${encodeURIComponent(returnTo)}` : "/signin");

/** Repeated query keys: the first one counts. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) out[k] = first;
  }
  return out;
}

/** HTTP status of each domain error code, in one place. */
export const statusOf: Record<DomainError["code"], number> = {
  not_found: 404,
  forbidden: 403,
  invalid: 422,
  conflict: 409,
  rate_limited: 429,
};

/** zod issues as one message per field; lives in lib so the domain answers a broken rule alike. */
export { fieldErrorsOf } from "@/lib/platform/field-errors";

/** The client's address for throttling and the audit log (lib/platform/http/request.ts decides which header to trust). */
export async function clientIp(): Promise<string> {
  return clientIpFrom(await headers());
}
