import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { audit } from "@/lib/audit/record";
import { DomainError, invalid } from "@/lib/platform/errors";
import { hashPassword, passwordProblem, verifyPassword } from "./password";
import { endOtherSessions, type CurrentUser } from "./sessions";
import { revokeOpenLinks } from "./set-password-links";
import { clearFailures, takeAttempt } from "./throttle";

type Field = "currentPassword" | "newPassword" | "confirm";
/** The message shows next to the field it is about. */
const fieldError = (field: Field, message: string) => invalid(message, { [field]: message });

/**
 * Change one's own password, proving the current one first (throttled, so a
 * borrowed session cannot guess it). Every other session of the user ends;
 * this one stays signed in.
 */
export async function changePassword({
  user,
  currentPassword,
  newPassword,
  ip,
}: {
  user: CurrentUser;
  currentPassword: string;
  newPassword: string;
  ip?: string | null;
}): Promise<{ otherSessionsEnded: number }> {
  // counted before the hash is checked, so parallel guesses count too
  const attempt = await takeAttempt("passwordChange", user.id);
  if (attempt.blockedUntil) {
    const message = "Too many wrong attempts. Wait a few minutes and try again.";
    throw new DomainError("rate_limited", message, { fieldErrors: { currentPassword: message } });
  }
  const db = getDb();
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).limit(1);
  if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, currentPassword))) {
    await audit(db, { action: "auth.password_change_failed", actorId: user.id, actorEmail: user.email, ip });
    throw fieldError("currentPassword", "That is not your current password.");
  }
  const problem = passwordProblem(newPassword);
  if (problem) throw fieldError("newPassword", problem);
  if (newPassword === currentPassword) throw fieldError("newPassword", "Choose a password different from your current one.");
  const passwordHash = await hashPassword(newPassword);
  const result = await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordSetAt: new Date() }).where(eq(users.id, user.id));
    // a link made before (a lost-password reset) must not undo this password
    await revokeOpenLinks(tx, user.id);
    const otherSessionsEnded = await endOtherSessions(tx, user.id, user.sessionId);
    await audit(tx, { action: "auth.password_change", actorId: user.id, actorEmail: user.email, ip, details: { otherSessionsEnded } });
    return { otherSessionsEnded };
  });
  await clearFailures([attempt.key]);
  return result;
}
