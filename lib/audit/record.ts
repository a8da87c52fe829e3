import { auditLog } from "@/db/schema";
import type { DbOrTx } from "@/db/client";

export type AuditEntry = {
  actorId?: string | null;
  actorEmail?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  /** never passwords or reflection text */
  details?: Record<string, unknown>;
};

/** Record an entry; pass the transaction of the change so both land or neither. */
export async function audit(db: DbOrTx, entry: AuditEntry) {
  await db.insert(auditLog).values({
    actorId: entry.actorId ?? null,
    actorEmail: entry.actorEmail ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    ip: entry.ip ?? null,
    details: entry.details ?? {},
  });
}
