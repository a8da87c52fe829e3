import { createHmac, timingSafeEqual } from "node:crypto";
import { isNotificationKind, type NotificationKind } from "./kinds";

/**
 * Unsubscribe links: the footer's page (/unsubscribe/TOKEN, a button to
 * press) and RFC 8058's one-click endpoint (/unsubscribe/TOKEN/one-click,
 * which mail programs POST to without a session or an Origin of ours).
 * Who issues: the worker, into each email it sends for a kind whose email
 * may be turned off. What it grants:
 * turning that one kind's email off for that one person — nothing else, no
 * sign-in, no reading. What ends it: nothing needs to; using it twice does
 * nothing more, and the person turns the email back on in their preferences.
 * A change of the signing secret (NEXTAUTH_SECRET) ends every link.
 * Using a link: unsubscribeByToken (choices.ts). This file stays free of
 * the database, so the e2e tests can make links.
 */
const sign = (secret: string, payload: string) => createHmac("sha256", `unsubscribe:${secret}`).update(payload).digest("base64url");

export function unsubscribeToken(secret: string, userId: string, kind: NotificationKind): string {
  const payload = `${userId}.${kind}`;
  return `${Buffer.from(payload).toString("base64url")}.${sign(secret, payload)}`;
}

export function readUnsubscribeToken(secret: string, token: string): { userId: string; kind: NotificationKind } | null {
  const [encoded, mac] = token.split(".");
  if (!encoded || !mac) return null;
  const payload = Buffer.from(encoded, "base64url").toString("utf8");
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [userId, kind] = payload.split(".");
  if (!/^[0-9a-f-]{36}$/i.test(userId ?? "") || !isNotificationKind(kind)) return null;
  return { userId, kind };
}

export const unsubscribePageUrl = (origin: string, token: string) => `${origin}/unsubscribe/${token}`;
export const oneClickUnsubscribeUrl = (origin: string, token: string) => `${origin}/unsubscribe/${token}/one-click`;
