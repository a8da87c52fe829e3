import "server-only";
import { headers } from "next/headers";

/** The client's address as the nearest proxy reports it (first hop of x-forwarded-for). */
export function clientIpFrom(h: Headers): string {
  const fwd = h.get("x-forwarded-for");
  if (fwd) return fwd.split(",")[0].trim();
  return h.get("x-real-ip") ?? "local";
}

export async function clientIp(): Promise<string> {
  return clientIpFrom(await headers());
}
