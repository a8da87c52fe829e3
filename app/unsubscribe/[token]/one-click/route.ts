import { route } from "@/app/_edge/route";
import { getDb } from "@/db/client";
import { notificationKinds } from "@/lib/notifications/kinds";
import { unsubscribeByToken } from "@/lib/notifications/choices";
import { env } from "@/lib/platform/env";

/** RFC 8058's body is one short field; anything larger is not a one-click request. */
const MAX_BYTES = 4 * 1024;

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

async function isOneClick(req: Request): Promise<boolean> {
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BYTES || !req.body) return false;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BYTES) {
      await reader.cancel().catch(() => {});
      return false;
    }
    chunks.push(value);
  }
  try {
    const form = await new Response(Buffer.concat(chunks), {
      headers: { "content-type": req.headers.get("content-type") ?? "application/x-www-form-urlencoded" },
    }).formData();
    return form.get("List-Unsubscribe") === "One-Click";
  } catch {
    return false;
  }
}

/**
 * RFC 8058 one-click unsubscribe: a mail program POSTs
 * `List-Unsubscribe=One-Click` to the URL in an email's List-Unsubscribe
 * header. Cross-site on purpose (crossSite below): the provider posts from
 * its own servers, with no Origin of ours and no session, so the signed
 * token is the whole credential. It turns off one kind's email for one
 * person (never a revision request or a certificate); again, nothing more
 * changes. 200 done, 400 a bad token or not a one-click body.
 */
export const POST = route<{ token: string }>(
  { kind: "download", permission: "public", crossSite: "one-click-unsubscribe" },
  async ({ req, params }) => {
    if (!(await isOneClick(req))) return text(400, "Not a one-click unsubscribe request (RFC 8058).");
    const done = await unsubscribeByToken(getDb(), env().NEXTAUTH_SECRET ?? "", params.token);
    if (!done) return text(400, "This unsubscribe link is not valid.");
    return text(200, `Unsubscribed from: ${notificationKinds[done.kind].label}.`);
  },
);

/** A person who opens the header's URL in a browser gets the page with the button (GET changes nothing). */
export const GET = route<{ token: string }>(
  { kind: "download", permission: "public" },
  async ({ params }) =>
    new Response(null, {
      status: 303,
      headers: { Location: `/unsubscribe/${encodeURIComponent(params.token)}`, "Cache-Control": "no-store" },
    }),
);
