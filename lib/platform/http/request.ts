import { env } from "@/lib/platform/env";
import { normaliseAddress, peerAddressFrom } from "./peer-address";

/**
 * The client's address, for throttling and the audit log.
 *
 * The address that opened the connection (`socketAddress`, recorded by the
 * hook in peer-address.ts) is the only one nobody can make up. With
 * TRUSTED_PROXY_HOPS = 0 (the default: the app is reached directly) it is the
 * client, and any X-Forwarded-For the client sent is ignored. Behind N
 * reverse proxies that each append the address they were connected from to
 * X-Forwarded-For, the chain is [...X-Forwarded-For, socket address] and the
 * client is the entry N places left of its end; entries further left were
 * written by the client and may be invented.
 *
 * Without a recorded socket address (a request that skipped the hook) the
 * answer is "unknown" — never a value the client chose.
 */
export function clientAddress(h: Headers, socketAddress: string | null, hops: number = env().TRUSTED_PROXY_HOPS): string {
  const peer = socketAddress ? normaliseAddress(socketAddress) : "unknown";
  if (hops <= 0) return peer;
  const forwarded = (h.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  const entry = chain[Math.max(0, chain.length - 1 - hops)];
  return /^[0-9A-Fa-f.:]{2,45}$/.test(entry) ? normaliseAddress(entry) : "unknown";
}

/** The client address of a request whose headers passed through the peer-address hook. */
export function clientIpFrom(h: Headers, hops: number = env().TRUSTED_PROXY_HOPS): string {
  return clientAddress(h, peerAddressFrom(h), hops);
}
