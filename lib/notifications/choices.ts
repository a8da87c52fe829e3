import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import { emailIsOptional, type NotificationKind } from "./kinds";
import { readUnsubscribeToken } from "./unsubscribe";
import { setEmailPreference } from "./worker";

/**
 * Use a link: turn its kind's email off for its person. Null when the token
 * is not valid (wrong secret, tampered, unknown person) or names a kind that
 * is always sent — a revision request or a certificate is never turned off,
 * whatever the token says. Using it again changes nothing more.
 */
export async function unsubscribeByToken(db: DbOrTx, secret: string, token: string): Promise<{ kind: NotificationKind } | null> {
  const target = readUnsubscribeToken(secret, token);
  if (!target || !emailIsOptional(target.kind)) return null;
  const [person] = await db.select({ id: users.id }).from(users).where(eq(users.id, target.userId));
  if (!person) return null;
  await setEmailPreference(db, target.userId, target.kind, false);
  return { kind: target.kind };
}
