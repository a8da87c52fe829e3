import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { DATE_RANGE_MESSAGE, isDayInRange } from "@/lib/platform/dates";
import { execRows, getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { requirePermission } from "@/lib/access/scope";
import type { CurrentUser } from "@/lib/accounts/sessions";
import { dayAfter, dayStart } from "@/lib/reports/organisation-filters";
import { settingsFieldLabels } from "./labels";
import { resolveAuditTargets, type AuditTarget } from "./targets";

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
  /** the target by name, with the page that shows it */
  target: AuditTarget | null;
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
    ip: string | null;
    details: Record<string, unknown> | string | null;
  }>(
    getDb(),
    sql`select ${auditLog.id} as id, ${auditLog.at} as at, ${auditLog.actorEmail} as actor_email, ${auditLog.action} as action,
        ${auditLog.targetType} as target_type, ${auditLog.targetId} as target_id, ${auditLog.ip} as ip, ${auditLog.details} as details
      from ${auditLog}
      ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
      order by ${auditLog.at} desc, ${auditLog.id} desc
      limit ${pageSize + 1}`,
  );
  const page = rows.slice(0, pageSize);
  const targetOf = await resolveAuditTargets(page.map((r) => ({ targetType: r.target_type, targetId: r.target_id })));
  const entries: AuditRow[] = page.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at),
    actorEmail: r.actor_email,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    target: targetOf({ targetType: r.target_type, targetId: r.target_id }),
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
const HIDDEN_DETAIL = /password|token|secret|body|text|feedback|answer|logo/i;

/** A value as a person reads it: lists and records spelled out, not JSON. */
function plain(v: unknown): string {
  if (v === null || v === undefined || v === "") return "(none)";
  if (Array.isArray(v)) return v.length ? v.map(plain).join(", ") : "(none)";
  if (typeof v === "object") {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k} ${plain(x)}`)
      .join(", ");
  }
  return String(v);
}

const clip = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

/** An entry's details as short "key: value" text, with anything that could be private left out. */
export function auditDetailText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([k, v]) => (HIDDEN_DETAIL.test(k) ? `${k}: [hidden]` : `${k}: ${clip(plain(v))}`))
    .join(" · ");
}

/** A settings value as the settings page shows it ("Professional ethics: 6 h"). */
function settingValue(field: string, v: unknown): string {
  if (field === "hourTargets" && Array.isArray(v)) {
    return v.length ? v.map((t: { category?: string; hours?: number }) => `${t.category}: ${t.hours} h`).join(", ") : "(none)";
  }
  return v === null || v === undefined || v === "" ? "(none)" : typeof v === "string" ? `“${v}”` : plain(v);
}

/**
 * What an entry's details say, one line each. A settings change reads field
 * by field, "Organization name: “Old” → “New”", only for fields that changed.
 */
export function auditDetailLines(action: string, details: Record<string, unknown>): string[] {
  const before = details.before as Record<string, unknown> | undefined;
  const after = details.after as Record<string, unknown> | undefined;
  if (action.startsWith("settings.") && before && after && typeof before === "object" && typeof after === "object") {
    const fields = Array.isArray(details.changed) ? (details.changed as string[]) : Object.keys(after);
    const lines = fields
      .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
      .map((f) => `${settingsFieldLabels[f] ?? f}: ${clip(settingValue(f, before[f]))} → ${clip(settingValue(f, after[f]))}`);
    return lines.length ? lines : ["No changes"];
  }
  const text = auditDetailText(details);
  return text ? text.split(" · ") : [];
}

export { auditActionLabels } from "./labels";
