/**
 * A file download with personal data: never cached by the browser or a proxy,
 * saved under a readable name (ASCII fallback plus the UTF-8 form).
 */
export function downloadResponse(body: Uint8Array | string, { filename, contentType }: { filename: string; contentType: string }) {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(typeof body === "string" ? body : Buffer.from(body), {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export function notFoundResponse() {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** Where a signed-out visitor of a download link goes: sign in, then back. */
export function signInRedirect(req: Request) {
  const url = new URL(req.url);
  return new Response(null, {
    status: 303,
    headers: { Location: `/signin?callbackUrl=${encodeURIComponent(url.pathname)}`, "Cache-Control": "no-store" },
  });
}
