import { notifyCertificateIssued } from "@/lib/notifications/events";
import { randomBytes } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { execRows, type DbOrTx } from "@/db/client";
import { assignmentProgress, certificates, cohortInstructors, cohorts, moduleVersions, users } from "@/db/schema";
import { CODE_ALPHABET } from "./format";
import { captureLogoAtIssue } from "./logo";
import { readOrgSettings } from "./settings";

export type Certificate = typeof certificates.$inferSelect;

/**
 * 16 characters from a 32-letter alphabet: 80 random bits (256 is a multiple
 * of 32, so no letter is likelier than another), shown as XXXX-XXXX-XXXX-XXXX.
 */
export function newVerificationCode(): string {
  const bytes = randomBytes(16);
  let out = "";
  for (let i = 0; i < 16; i++) {
    out += CODE_ALPHABET[bytes[i] % 32];
    if (i % 4 === 3 && i < 15) out += "-";
  }
  return out;
}

/**
 * Issue the certificate of a completed progress row, inside the transaction
 * that completed it (pass that transaction as `tx`; this function opens none
 * of its own, so it commits or rolls back with the completion).
 *
 * Every field is copied now and never recomputed: renaming the learner, the
 * cohort or the organisation, or publishing a new module version later does
 * not change an issued certificate.
 *
 * Idempotent and safe under concurrency: the progress row is locked first, so
 * a second caller waits and then finds the first certificate; the unique
 * constraint on progress_id backs that up. Statements never fail on a
 * conflict (ON CONFLICT DO NOTHING), so the caller's transaction is never
 * left aborted by a lost race or a (vanishingly rare) code collision.
 */
export async function issueCertificate(tx: DbOrTx, progressId: string): Promise<Certificate> {
  const locked = await execRows<{ id: string }>(tx, sql`select id from ${assignmentProgress} where id = ${progressId} for update`);
  if (locked.length === 0) throw new Error(`No progress row ${progressId}.`);

  const existing = await certificateForProgress(tx, progressId);
  if (existing) return existing;

  const [p] = await tx
    .select({
      userId: assignmentProgress.userId,
      completedAt: assignmentProgress.completedAt,
      moduleVersionId: assignmentProgress.moduleVersionId,
      learnerName: users.name,
      cohortId: cohorts.id,
      cohortName: cohorts.name,
    })
    .from(assignmentProgress)
    .innerJoin(users, eq(users.id, assignmentProgress.userId))
    .innerJoin(cohorts, eq(cohorts.id, assignmentProgress.cohortId))
    .where(eq(assignmentProgress.id, progressId))
    .limit(1);
  // broken invariants of the completing code, never a person's input: plain errors (a 500), not DomainErrors
  if (!p.completedAt) throw new Error("A certificate is issued only for a completed assignment.");
  if (!p.moduleVersionId) throw new Error("A completed assignment must name the module version it was completed against.");

  const [version] = await tx.select().from(moduleVersions).where(eq(moduleVersions.id, p.moduleVersionId)).limit(1);
  const instructors = await tx
    .select({ name: users.name })
    .from(cohortInstructors)
    .innerJoin(users, eq(users.id, cohortInstructors.userId))
    .where(eq(cohortInstructors.cohortId, p.cohortId))
    .orderBy(asc(users.name));
  const settings = await readOrgSettings(tx);
  const logoSha256 = await captureLogoAtIssue(tx);

  const values = {
    progressId,
    userId: p.userId,
    learnerName: p.learnerName,
    moduleTitle: version.title,
    moduleVersion: version.version,
    providerName: settings.organisationName,
    providerApprovalNumber: settings.providerApprovalNumber,
    cohortName: p.cohortName,
    instructorNames: instructors.map((i) => i.name).join(", "),
    completedAt: p.completedAt,
    contactHours: version.contactHours,
    hoursCategory: version.hoursCategory,
    signerName: settings.signerName,
    signerTitle: settings.signerTitle,
    logoSha256,
  };
  for (let i = 0; i < 5; i++) {
    const [cert] = await tx
      .insert(certificates)
      .values({ ...values, code: newVerificationCode() })
      .onConflictDoNothing()
      .returning();
    if (cert) {
      await notifyCertificateIssued(tx, { userId: cert.userId, certificateId: cert.id });
      return cert;
    }
    // nothing inserted: either another transaction issued it (possible only
    // if the caller bypassed the lock above), or the code was taken
    const raced = await certificateForProgress(tx, progressId);
    if (raced) return raced;
  }
  throw new Error("Could not find an unused verification code.");
}

async function certificateForProgress(tx: DbOrTx, progressId: string) {
  const [row] = await tx.select().from(certificates).where(eq(certificates.progressId, progressId)).limit(1);
  return row ?? null;
}
