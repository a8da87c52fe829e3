import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { DATE_RANGE_MESSAGE, isDayInRange } from "@/lib/platform/dates";
import { execRows, getDb } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { requirePermission } from "@/lib/access/scope";
import type { CurrentUser } from "@/lib/accounts/sessions";
import { dayAfter, dayStart } from "@/lib/reports/organisation-filters";

type Actor = Pick<CurrentUser, "id" | "role">;

export const AUDIT_PAGE_SIZE = 50;

const blank = (v: unknown) => (v === "" ? undefined : v);
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)))
  .refine(isDayInRange, DATE_RANGE_MESSAGE);
const fields = {
  actor: z.preprocess(blank, z.string().trim().max(200).optional()),
  action: z.preprocess(
    blank,
    z
      .string()
      .regex(/^[a-z0-9_.]{1,80}$/)
      .optional(),
  ),
  from: z.preprocess(blank, date.optional()),
  to: z.preprocess(blank, date.optional()),
  before: z.preprocess(blank, z.coerce.number().int().positive().optional()),
};
export type AuditFilters = { actor?: string; action?: string; from?: string; to?: string; before?: number };

/** The audit page's filters from its URL; values not understood are dropped. */
export function readAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(fields)) {
    const raw = params[key];
    const r = (schema as z.ZodType).safeParse(Array.isArray(raw) ? raw[0] : raw);
    if (r.success && r.data !== undefined) out[key] = r.data;
  }
  return out as AuditFilters;
}

export type AuditRow = {
  id: number;
  at: Date;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  ip: string | null;
  details: Record<string, unknown>;
};

/**
 * Entries newest first, a page at a time: `before` is the id of the last
 * entry of the previous page (keyset, so deep pages cost the same).
 */
export async function listAuditEntries({
  actor,
  filters,
  pageSize = AUDIT_PAGE_SIZE,
}: {
  actor: Actor;
  filters: AuditFilters;
  pageSize?: number;
}) {
  requirePermission(actor, "audit.read");
  const where: SQL[] = [];
  if (filters.actor) {
    const like = `%${filters.actor.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(sql`${auditLog.actorEmail} ilike ${like}`);
  }
  if (filters.action) where.push(sql`${auditLog.action} = ${filters.action}`);
  if (filters.from) where.push(sql`${auditLog.at} >= ${dayStart(filters.from).toISOString()}::timestamptz`);
  if (filters.to) where.push(sql`${auditLog.at} < ${dayAfter(filters.to).toISOString()}::timestamptz`);
  if (filters.before) {
    where.push(sql`(${auditLog.at}, ${auditLog.id}) < (select b.created_at, b.id from ${auditLog} b where b.id = ${filters.before})`);
  }
  const rows = await execRows<{
    id: number | string;
    at: string | Date;
    actor_email: string | null;
    action: string;
    target_type: string | null;
    target_id: string | null;
    target_label: string | null;
    ip: string | null;
    details: Record<string, unknown> | string | null;
  }>(
    getDb(),
    sql`select ${auditLog.id} as id, ${auditLog.at} as at, ${auditLog.actorEmail} as actor_email, ${auditLog.action} as action,
        ${auditLog.targetType} as target_type, ${auditLog.targetId} as target_id, ${auditLog.ip} as ip, ${auditLog.details} as details,
        (select ${users.email} from ${users} where ${users.id} = case
            when ${auditLog.targetType} = 'user' and ${auditLog.targetId} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
            then ${auditLog.targetId}::uuid end) as target_label
      from ${auditLog}
      ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
      order by ${auditLog.at} desc, ${auditLog.id} desc
      limit ${pageSize + 1}`,
  );
  const entries: AuditRow[] = rows.slice(0, pageSize).map((r) => ({
    id: Number(r.id),
    at: new Date(r.at),
    actorEmail: r.actor_email,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    targetLabel: r.target_label,
    ip: r.ip,
    details: (typeof r.details === "string" ? JSON.parse(r.details) : r.details) ?? {},
  }));
  return { entries, nextBefore: rows.length > pageSize ? entries[entries.length - 1].id : null };
}

/**
 * Every action name in the log, for the filter's select: a skip scan over the
 * (action, at) index, so it reads one index entry per distinct action.
 */
export async function listAuditActions({ actor }: { actor: Actor }): Promise<string[]> {
  requirePermission(actor, "audit.read");
  const rows = await execRows<{ action: string }>(
    getDb(),
    sql`with recursive actions(action) as (
        (select action from audit_log order by action limit 1)
        union all
        select (select a.action from audit_log a where a.action > actions.action order by a.action limit 1)
        from actions where actions.action is not null
      )
      select action from actions where action is not null`,
  );
  return rows.map((r) => r.action);
}

// writers promise never to log these; the page does not trust that promise
const HIDDEN_DETAIL = /password|token|secret|body|text|feedback|answer/i;

/** An entry's details as short "key: value" text, with anything that could be private left out. */
export function auditDetailText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([k, v]) => {
      if (HIDDEN_DETAIL.test(k)) return `${k}: [hidden]`;
      const text = typeof v === "object" && v !== null ? JSON.stringify(v) : String(v);
      return `${k}: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`;
    })
    .join(" · ");
}

/** What an action means, for people reading the log. Unknown actions show their name. */
export const auditActionLabels: Record<string, string> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Failed sign-in",
  "auth.sign_in_throttled": "Sign-in throttled",
  "auth.sign_out": "Signed out",
  "user.set_password": "Set a password",
  "user.deactivate": "Deactivated an account",
  "user.reactivate": "Reactivated an account",
  "user.role_change": "Changed a role",
  "user.sign_out_everywhere": "Signed someone out everywhere",
  "user.password_link": "Created a set-password link",
  "user.password_link_revoke": "Withdrew a set-password link",
  "user.invite": "Invited staff",
  "user.invite_revoke": "Withdrew an invite",
  "user.update_details": "Changed a name or email",
  "export.org_csv": "Exported the organisation CSV",
};
