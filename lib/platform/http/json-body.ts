/**
 * Read a JSON request body with a size cap that holds *before* parsing: a
 * declared Content-Length over the cap is refused without reading a byte,
 * and a body sent without one (chunked) is read only until it passes the cap.
 * JSON.parse and zod then only ever see small inputs, so one request cannot
 * stall the server for others. Limits that are about meaning (a reflection's
 * 20,000 characters) are checked afterwards, by the schema.
 */
export const JSON_BODY_MAX_BYTES = 64 * 1024;

export type JsonBody =
  | { ok: true; value: unknown }
  | { ok: false; status: 400 | 413 | 415; code: "invalid" | "too_large" | "unsupported_media_type"; message: string };

const tooLarge = (maxBytes: number): JsonBody => ({
  ok: false,
  status: 413,
  code: "too_large",
  message: `The request is too large (at most ${Math.round(maxBytes / 1024)} KB).`,
});

export async function readJsonBody(req: Request, { maxBytes = JSON_BODY_MAX_BYTES }: { maxBytes?: number } = {}): Promise<JsonBody> {
  const type = req.headers.get("content-type");
  if (type && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    return { ok: false, status: 415, code: "unsupported_media_type", message: "Send the request as JSON." };
  }
  const declared = req.headers.get("content-length");
  if (declared !== null && (!/^\d+$/.test(declared) || Number(declared) > maxBytes)) {
    await discard(req);
    return tooLarge(maxBytes);
  }
  const bytes = await readCapped(req, maxBytes);
  if (!bytes) return tooLarge(maxBytes);
  try {
    return { ok: true, value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: false, status: 400, code: "invalid", message: "The request was not valid JSON." };
  }
}

/** The body's bytes, or null as soon as it passes maxBytes (the rest is never read). */
async function readCapped(req: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Let go of a body we will not read (the connection is not left waiting on it). */
async function discard(req: Request) {
  await req.body?.cancel().catch(() => {});
}
