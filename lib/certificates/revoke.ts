import { eq } from "drizzle-orm";
import { z } from "zod";
import { noControlCharacters } from "@/lib/platform/text";
import { getDb } from "@/db/client";
import { certificates } from "@/db/schema";
import { audit } from "@/lib/audit/record";
import { can } from "@/lib/access/permissions";
import { isUuid } from "@/lib/access/scope";
import { conflict, notFound } from "@/lib/platform/errors";
import type { CurrentUser } from "@/lib/accounts/sessions";

export const revokeReasonSchema = z
  .string({ message: "Give the reason for revoking." })
  .refine(...noControlCharacters())
  .trim()
  .min(5, "Give the reason for revoking (at least 5 characters); it is kept in the audit log.")
  .max(500, "Keep the reason under 500 characters.");

/**
 * Revoke a certificate: verification then answers "revoked" with the date,
 * and the training record stops counting its hours. Admins only (anyone
 * else, and an unknown id: not_found); revoking twice is a conflict. The
 * audit entry lands in the same transaction.
 */
export async function revokeCertificate({
  actor,
  certificateId,
  reason,
  ip,
}: {
  actor: Pick<CurrentUser, "id" | "email" | "role">;
  certificateId: string;
  reason: string;
  ip?: string | null;
}) {
  if (!can(actor.role, "certificate.revoke") || !isUuid(certificateId)) throw notFound("No such certificate.");
  const why = revokeReasonSchema.parse(reason);
  return getDb().transaction(async (tx) => {
    const [cert] = await tx.select().from(certificates).where(eq(certificates.id, certificateId)).for("update");
    if (!cert) throw notFound("No such certificate.");
    if (cert.revokedAt) throw conflict("This certificate is already revoked.", "already_revoked");
    const [updated] = await tx
      .update(certificates)
      .set({ revokedAt: new Date(), revokedReason: why, revokedBy: actor.id })
      .where(eq(certificates.id, certificateId))
      .returning();
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "certificate.revoke",
      targetType: "certificate",
      targetId: certificateId,
      ip,
      details: { code: cert.code, learnerId: cert.userId, reason: why },
    });
    return updated;
  });
}
