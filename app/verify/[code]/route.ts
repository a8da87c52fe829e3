import { route } from "@/app/_edge/route";
import { verifyCertificateCode } from "@/lib/certificates/verify";
import { clientIpFrom } from "@/lib/platform/http/request";
import { verificationHtml } from "../verify-html";

/**
 * Public verification, no sign-in. Looking a code up is not a change of
 * state, but an unknown code counts against the caller's IP (throttle).
 */
export const GET = route<{ code: string }>({ permission: "public", kind: "download" }, async ({ req, params }) => {
  const typed = safeDecode(params.code).slice(0, 100);
  const result = await verifyCertificateCode({ input: typed, ip: clientIpFrom(req.headers) });
  const status = result.status === "throttled" ? 429 : result.status === "not_found" ? 404 : 200;
  const headers: Record<string, string> = {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex",
    "Referrer-Policy": "no-referrer",
  };
  if (result.status === "throttled") headers["Retry-After"] = String(result.retryAfterSeconds);
  // proxy.ts hands the page its CSP nonce, which the inline style sheet needs
  return new Response(verificationHtml(result, typed, req.headers.get("x-nonce")), { status, headers });
});

function safeDecode(s: string) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
