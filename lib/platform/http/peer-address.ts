import { randomBytes } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";

/**
 * The address of whoever opened the TCP connection, handed from Node's HTTP
 * server to route handlers and server components.
 *
 * Next.js 16 does not expose the socket to either (NextRequest has no `ip`),
 * and the `X-Forwarded-For` it passes on is no substitute: Next sets it from
 * the socket only when the request has none (`??=` in base-server.js) and
 * never appends, so a client that sends its own value decides what the app
 * sees. So, once per process (instrumentation-node.ts), every incoming
 * request gets a header of our own carrying the socket's address, written
 * over anything the client sent. Requests that reached the server before the
 * hook was installed carry no valid mark (the value holds a per-process
 * secret) and count as "unknown" rather than as whatever they claimed.
 */
export const PEER_HEADER = "x-cohort-peer";

type HookState = { secret: string; installed: boolean };
const key = Symbol.for("cohort.peer-address");
const g = globalThis as typeof globalThis & { [key]?: HookState };

function state(): HookState {
  g[key] ??= { secret: randomBytes(16).toString("hex"), installed: false };
  return g[key];
}

/** The header value for a request from this address (what the hook writes; tests use it to stand in for a socket). */
export function peerHeaderValue(address: string): string {
  return `${state().secret} ${address}`;
}

/** The socket address the hook recorded on these headers, or null when there is no valid record. */
export function peerAddressFrom(headers: Headers): string | null {
  const value = headers.get(PEER_HEADER);
  if (!value) return null;
  const [secret, address] = value.split(" ");
  if (secret !== state().secret || !address) return null;
  return address;
}

/** Whatever the client sent under our header, replaced with the socket's address. */
export function markPeer(req: IncomingMessage) {
  const address = req.socket?.remoteAddress;
  if (address) req.headers[PEER_HEADER] = peerHeaderValue(normaliseAddress(address));
  else delete req.headers[PEER_HEADER];
}

/** `::ffff:203.0.113.9` (IPv4 on a dual-stack socket) is 203.0.113.9. */
export function normaliseAddress(address: string): string {
  const v4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return v4 ? v4[1] : address;
}

/**
 * Install the hook on Node's HTTP server class: every "request" event passes
 * through markPeer before Next.js sees the request. Idempotent.
 */
export function installPeerAddressHook(http: { Server: { prototype: Server } }) {
  const s = state();
  if (s.installed) return;
  const proto = http.Server.prototype as Server & { emit: (event: string | symbol, ...args: unknown[]) => boolean };
  const emit = proto.emit;
  proto.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request" && args[0]) markPeer(args[0] as IncomingMessage);
    return emit.call(this, event, ...args);
  };
  s.installed = true;
}
