import "server-only";

/**
 * State-changing route handlers accept only requests from our own origin.
 * (Server actions get this check from Next.js.) Returns a 403 response to
 * send back, or null when the request may go on.
 */
export function foreignOriginResponse(req: Request): Response | null {
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (!origin || !host) {
    // browsers always send Origin on POST/PUT/PATCH/DELETE from fetch and forms
    return new Response("Cross-site request refused.", { status: 403 });
  }
  try {
    if (new URL(origin).host === host) return null;
  } catch {
    /* malformed Origin */
  }
  return new Response("Cross-site request refused.", { status: 403 });
}
