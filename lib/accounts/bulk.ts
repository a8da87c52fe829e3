import { asc, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { Role } from "@/lib/access/permissions";
import { requirePermission } from "@/lib/access/scope";
import { invalid, isDomainError } from "@/lib/platform/errors";
import { isUuid } from "@/lib/platform/ids";
import { accountMessages, changeUserRole, peopleFilterSql, setUserStatus, type PeopleFilter } from "./admin";
import type { CurrentUser } from "./sessions";

type Actor = Pick<CurrentUser, "id" | "role" | "email">;

/** The people ticked on the list, or everyone matching its search and filters (resolved here, when the action runs). */
export type PeopleSelection = { kind: "ids"; ids: string[] } | ({ kind: "matching" } & PeopleFilter);

export const MAX_PEOPLE_BULK = 2000;

const withArticle: Record<Role, string> = { admin: "an admin", instructor: "an instructor", learner: "a learner" };

export type PersonOutcome = { userId: string; name: string; done: boolean; result: string };

export type PeopleBulkOp = { op: "deactivate" } | { op: "role"; role: Role };

/**
 * Deactivate or change the role of many accounts: each one goes through the
 * same rule as the single action (setUserStatus, changeUserRole: not
 * yourself, never the last admin, sessions end, audited), in its own
 * transaction, so one refusal skips that person only and says why.
 */
export async function bulkChangePeople({
  actor,
  selection,
  change,
  ip,
}: {
  actor: Actor;
  selection: PeopleSelection;
  change: PeopleBulkOp;
  ip?: string;
}): Promise<{ outcomes: PersonOutcome[]; done: number; skipped: number }> {
  requirePermission(actor, "users.manage");
  let where;
  if (selection.kind === "ids") {
    const ids = [...new Set(selection.ids)].filter(isUuid);
    if (!ids.length) throw invalid("Choose at least one person.");
    if (ids.length > MAX_PEOPLE_BULK) throw invalid(`Choose at most ${MAX_PEOPLE_BULK} people at a time.`);
    where = inArray(users.id, ids);
  } else {
    where = peopleFilterSql(selection);
  }
  const targets = await getDb()
    .select({ id: users.id, name: users.name, role: users.role, status: users.status })
    .from(users)
    .where(where)
    .orderBy(asc(users.name), asc(users.id))
    .limit(MAX_PEOPLE_BULK + 1);
  if (!targets.length) throw invalid("No one matches this selection any more.");
  if (targets.length > MAX_PEOPLE_BULK) throw invalid(`That is more than ${MAX_PEOPLE_BULK} people; narrow the search first.`);

  const outcomes: PersonOutcome[] = [];
  for (const t of targets) {
    const skip = (why: string) => outcomes.push({ userId: t.id, name: t.name, done: false, result: `Skipped: ${why}` });
    if (t.id === actor.id) {
      skip(change.op === "deactivate" ? "you cannot deactivate your own account" : "you cannot change your own role");
      continue;
    }
    if (change.op === "deactivate" && t.status === "deactivated") {
      skip("already deactivated");
      continue;
    }
    if (change.op === "role" && t.role === change.role) {
      skip(`already ${withArticle[change.role]}`);
      continue;
    }
    try {
      if (change.op === "deactivate") await setUserStatus(actor, t.id, "deactivated", ip);
      else await changeUserRole(actor, t.id, change.role, ip);
      outcomes.push({
        userId: t.id,
        name: t.name,
        done: true,
        result: change.op === "deactivate" ? "Deactivated" : `Role changed to ${change.role}`,
      });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      const why =
        e.message === accountMessages.lastAdminDeactivate || e.message === accountMessages.lastAdminDemote
          ? "the last active admin"
          : e.message.replace(/\.$/, "").toLowerCase();
      skip(why);
    }
  }
  const done = outcomes.filter((o) => o.done).length;
  return { outcomes, done, skipped: outcomes.length - done };
}
