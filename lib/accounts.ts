import "server-only";
import { and, asc, count, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { audit } from "@/lib/audit";
import { endAllSessions } from "@/lib/auth/sessions";
import type { CurrentUser } from "@/lib/auth/current";

export const PAGE_SIZE = 25;

/** People for the admin's list, searched and filtered in SQL. */
export async function listUsers({
  q,
  role,
  status,
  page = 1,
}: {
  q?: string;
  role?: "admin" | "instructor" | "learner";
  status?: "active" | "deactivated";
  page?: number;
}) {
  const where: SQL[] = [];
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(or(ilike(users.name, like), ilike(users.email, like))!);
  }
  if (role) where.push(eq(users.role, role));
  if (status) where.push(eq(users.status, status));
  const filter = where.length ? and(...where) : undefined;
  const db = getDb();
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, email: users.email, role: users.role, status: users.status, lastSignInAt: users.lastSignInAt })
      .from(users)
      .where(filter)
      .orderBy(asc(users.name), asc(users.id))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
    db.select({ total: count() }).from(users).where(filter),
  ]);
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export class AccountRuleError extends Error {}

/** Deactivate or reactivate; their sessions end at their next request. */
export async function setUserStatus(actor: CurrentUser, userId: string, status: "active" | "deactivated", ip?: string) {
  if (actor.role !== "admin") throw new AccountRuleError("Only admins manage accounts.");
  if (userId === actor.id && status === "deactivated") throw new AccountRuleError("You cannot deactivate your own account.");
  await getDb().transaction(async (tx) => {
    const [target] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!target) throw new AccountRuleError("No such account.");
    if (target.status === status) return;
    if (status === "deactivated" && target.role === "admin") {
      const [{ n }] = await tx
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.role, "admin"), eq(users.status, "active"), sql`${users.id} <> ${userId}`));
      if (n === 0) throw new AccountRuleError("This is the last active admin; make another admin first.");
    }
    await tx.update(users).set({ status }).where(eq(users.id, userId));
    if (status === "deactivated") await endAllSessions(tx, userId);
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: status === "deactivated" ? "user.deactivate" : "user.reactivate",
      targetType: "user",
      targetId: userId,
      ip,
    });
  });
}
