import { env } from "@/lib/platform/env";

/**
 * The client's address, for throttling and the audit log.
 *
 * Each proxy appends the address it was connected from to X-Forwarded-For, so
 * only the entries written by our own proxies can be trusted: with N proxies in
 * front of the app (TRUSTED_PROXY_HOPS, default 1: one reverse proxy, or
 * Next.js itself when there is none), the client is the N-th entry from the
 * right. Entries further left were sent by the client and may be made up.
 */
export function clientIpFrom(h: Headers, hops: number = env().TRUSTED_PROXY_HOPS): string {
  const entries = (h.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length) return entries[Math.max(0, entries.length - Math.max(1, hops))];
  return h.get("x-real-ip") ?? "local";
}
