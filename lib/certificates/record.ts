import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assignmentProgress, certificates } from "@/db/schema";
import { categoryKey } from "./format";
import { getOrgSettings, type OrgSettings } from "./settings";

export type RecordEntry = {
  certificateId: string;
  code: string;
  cohortId: string;
  completedAt: Date;
  moduleTitle: string;
  moduleVersion: number;
  contactHours: number;
  hoursCategory: string;
  providerName: string;
  providerApprovalNumber: string | null;
  cohortName: string;
  instructorNames: string;
  revokedAt: Date | null;
};

export type CategoryTotal = { category: string; hours: number };
export type TargetProgress = { category: string; target: number; earned: number; percent: number; met: boolean };

export type TrainingRecord = {
  entries: RecordEntry[];
  /** credited hours per category; revoked certificates count nothing */
  totals: CategoryTotal[];
  totalHours: number;
  /** the admin's targets, each with the credited hours toward it */
  targets: TargetProgress[];
  settings: OrgSettings;
};

const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * A learner's training record: every completed module (from their
 * certificates), credited hours per category and progress toward the
 * organisation's targets. Revoked certificates stay listed but count nothing.
 * `cohortIds` narrows it to those cohorts (an instructor's view: the cohorts
 * they teach); null or absent: the whole record.
 */
export async function getTrainingRecord({
  learnerId,
  cohortIds = null,
}: {
  learnerId: string;
  cohortIds?: string[] | null;
}): Promise<TrainingRecord> {
  const db = getDb();
  const [entries, settings] = await Promise.all([
    db
      .select({
        certificateId: certificates.id,
        code: certificates.code,
        cohortId: assignmentProgress.cohortId,
        completedAt: certificates.completedAt,
        moduleTitle: certificates.moduleTitle,
        moduleVersion: certificates.moduleVersion,
        contactHours: certificates.contactHours,
        hoursCategory: certificates.hoursCategory,
        providerName: certificates.providerName,
        providerApprovalNumber: certificates.providerApprovalNumber,
        cohortName: certificates.cohortName,
        instructorNames: certificates.instructorNames,
        revokedAt: certificates.revokedAt,
      })
      .from(certificates)
      .innerJoin(assignmentProgress, eq(assignmentProgress.id, certificates.progressId))
      .where(
        cohortIds === null
          ? eq(certificates.userId, learnerId)
          : and(
              eq(certificates.userId, learnerId),
              inArray(assignmentProgress.cohortId, cohortIds.length ? cohortIds : ["00000000-0000-0000-0000-000000000000"]),
            ),
      )
      .orderBy(asc(certificates.completedAt), asc(certificates.id)),
    getOrgSettings(),
  ]);
  return { entries, ...summarise(entries, settings), settings };
}

/** Totals and target progress of a list of entries (pure; exported for tests). */
export function summarise(
  entries: Pick<RecordEntry, "contactHours" | "hoursCategory" | "revokedAt">[],
  settings: Pick<OrgSettings, "hourTargets">,
) {
  const byKey = new Map<string, CategoryTotal>();
  for (const e of entries) {
    if (e.revokedAt) continue;
    const key = categoryKey(e.hoursCategory);
    const t = byKey.get(key) ?? { category: e.hoursCategory, hours: 0 };
    t.hours = cents(t.hours + e.contactHours);
    byKey.set(key, t);
  }
  const totals = [...byKey.values()].sort((a, b) => a.category.localeCompare(b.category));
  const targets = settings.hourTargets.map((t) => {
    const earned = byKey.get(categoryKey(t.category))?.hours ?? 0;
    return {
      category: t.category,
      target: t.hours,
      earned,
      percent: Math.min(100, Math.round((earned / t.hours) * 100)),
      met: earned >= t.hours,
    };
  });
  return { totals, totalHours: cents(totals.reduce((s, t) => s + t.hours, 0)), targets };
}
