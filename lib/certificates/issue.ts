import "server-only";
import { randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { assignmentProgress, certificates, cohortInstructors, cohorts, moduleVersions, orgSettings, users } from "@/db/schema";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I

/** 16 characters from a 32-letter alphabet: 80 bits, shown as XXXX-XXXX-XXXX-XXXX. */
export function newVerificationCode(): string {
  const bytes = randomBytes(16);
  let out = "";
  for (let i = 0; i < 16; i++) {
    out += ALPHABET[bytes[i] % 32];
    if (i % 4 === 3 && i < 15) out += "-";
  }
  return out;
}

/**
 * Issue the certificate of a completed progress row, inside the transaction
 * that completed it. Every field is copied (frozen) now; issuing twice
 * returns the first certificate.
 */
export async function issueCertificate(tx: DbOrTx, progressId: string) {
  const [existing] = await tx.select().from(certificates).where(eq(certificates.progressId, progressId)).limit(1);
  if (existing) return existing;
  const [p] = await tx
    .select({
      userId: assignmentProgress.userId,
      completedAt: assignmentProgress.completedAt,
      learnerName: users.name,
      cohortId: cohorts.id,
      cohortName: cohorts.name,
      moduleTitle: moduleVersions.title,
      moduleVersion: moduleVersions.version,
      contactHours: moduleVersions.contactHours,
      hoursCategory: moduleVersions.hoursCategory,
    })
    .from(assignmentProgress)
    .innerJoin(users, eq(users.id, assignmentProgress.userId))
    .innerJoin(cohorts, eq(cohorts.id, assignmentProgress.cohortId))
    .innerJoin(moduleVersions, eq(moduleVersions.id, assignmentProgress.moduleVersionId))
    .where(eq(assignmentProgress.id, progressId))
    .limit(1);
  if (!p || !p.completedAt) throw new Error("A certificate is issued only for a completed assignment.");
  const instructors = await tx
    .select({ name: users.name })
    .from(cohortInstructors)
    .innerJoin(users, eq(users.id, cohortInstructors.userId))
    .where(eq(cohortInstructors.cohortId, p.cohortId))
    .orderBy(asc(users.name));
  const [settings] = await tx.select().from(orgSettings).where(eq(orgSettings.id, 1)).limit(1);
  const [cert] = await tx
    .insert(certificates)
    .values({
      code: newVerificationCode(),
      progressId,
      userId: p.userId,
      learnerName: p.learnerName,
      moduleTitle: p.moduleTitle,
      moduleVersion: p.moduleVersion,
      providerName: settings?.organisationName ?? "Cohort Training Programme",
      providerApprovalNumber: settings?.providerApprovalNumber ?? null,
      cohortName: p.cohortName,
      instructorNames: instructors.map((i) => i.name).join(", "),
      completedAt: p.completedAt,
      contactHours: p.contactHours,
      hoursCategory: p.hoursCategory,
    })
    .onConflictDoNothing({ target: certificates.progressId })
    .returning();
  if (cert) return cert;
  const [raced] = await tx.select().from(certificates).where(eq(certificates.progressId, progressId)).limit(1);
  return raced;
}
