import "server-only";
import type { z } from "zod";
import { can, type Permission } from "@/lib/access/permissions";
import { isDomainError } from "@/lib/platform/errors";
import { foreignOriginResponse } from "@/lib/platform/http/origin";
import { firstValues, statusOf } from "./http";
import { EDGE } from "./page";
import { getCurrentUser, type CurrentUser } from "./session";

const noStore = { "Cache-Control": "no-store" };

/** JSON with no-store: every answer of ours carries personal data or state. */
export const json = (data: unknown, status = 200) => Response.json(data, { status, headers: noStore });

export const errorJson = (status: number, code: string, message: string, details: Record<string, unknown> = {}) =>
  json({ error: code, message, ...details }, status);

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { ...noStore, "Content-Type": "text/plain; charset=utf-8" } });

/** A file to download (CSV, PDF, JSON export): attachment, no-store, nosniff. */
export function download(body: BodyInit, { filename, contentType }: { filename: string; contentType: string }) {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "X-Content-Type-Options": "nosniff",
      ...noStore,
    },
  });
}

/** JSON bodies are small (a reflection is at most 20,000 characters); anything larger is refused unread. */
export const MAX_JSON_BYTES = 64 * 1024;

async function readJson(
  req: Request,
  maxBytes: number,
): Promise<{ ok: true; value: unknown } | { ok: false; status: number; code: "too_large" | "invalid"; message: string }> {
  const tooLarge = {
    ok: false,
    status: 413,
    code: "too_large",
    message: `The request is too large (at most ${Math.round(maxBytes / 1024)} KB).`,
  } as const;
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await req.body?.cancel().catch(() => {}); // never read
    return tooLarge;
  }
  if (!req.body) return { ok: false, status: 400, code: "invalid", message: "The request was not valid JSON." };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return tooLarge;
    }
    chunks.push(value);
  }
  try {
    return { ok: true, value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks))) };
  } catch {
    return { ok: false, status: 400, code: "invalid", message: "The request was not valid JSON." };
  }
}

export type RouteContext<P, U, B, Q> = { req: Request; user: U; params: P; body: B; query: Q };

type Options<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> = {
  /**
   * "api": called by our pages' scripts — answers are JSON, signed out is 401.
   * "download": opened by a person (CSV, PDF, JSON export, a public page) —
   * signed out goes to sign-in and back, errors are short text.
   */
  kind: "api" | "download";
  body?: B;
  query?: Q;
  maxBytes?: number;
};

/**
 * The one exception to the Origin check: `crossSite: "one-click-unsubscribe"`
 * lets POSTs from anywhere through, for RFC 8058's one-click unsubscribe,
 * which mail providers POST from their own servers — no Origin of ours, no
 * session. Allowed only with permission "public" (the types refuse it
 * otherwise), and only where the signed token in the URL is the whole
 * credential and can do one thing: turn one kind of email off for one
 * person (app/unsubscribe/[token]/one-click/route.ts; SECURITY.md).
 */
type CrossSite = { crossSite?: "one-click-unsubscribe" };

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;
type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

/**
 * The one wrapper for a route handler. In order: the Origin check on anything
 * but GET (403; the one exception: CrossSite above), the session (api: 401; download: to sign-in), the permission
 * from the matrix (404), the query and the JSON body parsed with zod (400; a
 * body over `maxBytes` is refused before parsing: 413), then the handler,
 * whose domain errors become their status (not_found 404, invalid 422,
 * conflict 409, rate_limited 429) with `{ error, message }` — `error` is the
 * error's reason when it has one, so clients can act on it.
 */
export function route<P = Record<string, never>, B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  opts: Options<B, Q> & { permission: "public" } & CrossSite,
  handler: (ctx: RouteContext<P, CurrentUser | null, Infer<B>, Infer<Q>>) => Promise<Response>,
): Handler<P>;
export function route<P = Record<string, never>, B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  opts: Options<B, Q> & { permission: Permission },
  handler: (ctx: RouteContext<P, CurrentUser, Infer<B>, Infer<Q>>) => Promise<Response>,
): Handler<P>;
export function route<P, B extends z.ZodType | undefined, Q extends z.ZodType | undefined>(
  opts: Options<B, Q> & { permission: Permission | "public" } & CrossSite,
  handler:
    | ((ctx: RouteContext<P, CurrentUser, Infer<B>, Infer<Q>>) => Promise<Response>)
    | ((ctx: RouteContext<P, CurrentUser | null, Infer<B>, Infer<Q>>) => Promise<Response>),
): Handler<P> {
  const api = opts.kind === "api";
  const fail = (status: number, code: string, message: string, details?: Record<string, unknown>) =>
    api ? errorJson(status, code, message, details) : text(status, message);

  const wrapped: Handler<P> = async (req, ctx) => {
    const crossSiteAllowed = opts.permission === "public" && opts.crossSite === "one-click-unsubscribe";
    if (req.method !== "GET" && req.method !== "HEAD" && !crossSiteAllowed) {
      const refused = foreignOriginResponse(req);
      if (refused) return refused;
    }
    const user = await getCurrentUser();
    if (opts.permission !== "public") {
      if (!user) {
        if (api) return errorJson(401, "unauthenticated", "Your session has ended. Sign in again; your work on this page is kept.");
        const url = new URL(req.url);
        const back = encodeURIComponent(url.pathname + url.search);
        return new Response(null, { status: 303, headers: { ...noStore, Location: `/signin?callbackUrl=${back}` } });
      }
      if (!can(user.role, opts.permission)) return fail(404, "not_found", "Not found.");
    }
    let query: unknown = undefined;
    if (opts.query) {
      const parsed = opts.query.safeParse(firstValues(Object.fromEntries(new URL(req.url).searchParams)));
      if (!parsed.success) return fail(400, "invalid", "Unknown sort, filter or page in the link.");
      query = parsed.data;
    }
    let body: unknown = undefined;
    if (opts.body) {
      const read = await readJson(req, opts.maxBytes ?? MAX_JSON_BYTES);
      if (!read.ok) return fail(read.status, read.code, read.message);
      const parsed = opts.body.safeParse(read.value);
      if (!parsed.success) return fail(400, "invalid", "The request was not in the expected form.");
      body = parsed.data;
    }
    try {
      const params = ((await ctx?.params) ?? {}) as P;
      const run = handler as (ctx: RouteContext<P, CurrentUser | null, Infer<B>, Infer<Q>>) => Promise<Response>;
      return await run({ req, user, params, body: body as Infer<B>, query: query as Infer<Q> });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      const status = e.code === "forbidden" ? 404 : statusOf[e.code];
      return fail(status, e.reason ?? e.code, e.message, { ...e.details, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}) });
    }
  };
  return Object.assign(wrapped, { [EDGE]: "route" as const });
}
