import { json, route } from "@/app/_edge/route";
import { getDb } from "@/db/client";
import { notificationKinds } from "@/lib/notifications/kinds";
import { readUnsubscribeToken } from "@/lib/notifications/unsubscribe";
import { setEmailPreference } from "@/lib/notifications/worker";
import { env } from "@/lib/platform/env";

/**
 * RFC 8058 one-click unsubscribe: the mail provider POSTs
 * "List-Unsubscribe=One-Click" here, from its own servers, so there is no
 * Origin to check — the signed token in the URL is the whole authority, and
 * all it can do is turn one kind of email off for one person.
 */
export const POST = route<{ token: string }>({ permission: "public", kind: "api", crossSite: "allowed" }, async ({ params }) => {
  const target = readUnsubscribeToken(env().NEXTAUTH_SECRET ?? "", params.token);
  if (!target) return json({ error: "not_found", message: "This unsubscribe link is not valid." }, 404);
  await setEmailPreference(getDb(), target.userId, target.kind, false);
  return json({ ok: true, message: `You will no longer get emails for: ${notificationKinds[target.kind].label}.` });
});
