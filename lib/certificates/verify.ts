import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { certificates } from "@/db/schema";
import { refund, retryAfterSeconds, takeAttempt } from "@/lib/accounts/throttle";
import { ERASED_NAME } from "@/lib/privacy/erasure";
import { normaliseCode } from "./format";

/** Exactly what the public may learn about a certificate from its code. */
export type PublicCertificate = {
  code: string;
  /** null once the learner's personal data was erased (the certificate is then revoked) */
  learnerName: string | null;
  moduleTitle: string;
  moduleVersion: number;
  providerName: string;
  providerApprovalNumber: string | null;
  completedAt: Date;
  contactHours: number;
  hoursCategory: string;
  revokedAt: Date | null;
};

export type Verification =
  | { status: "valid" | "revoked"; certificate: PublicCertificate }
  | { status: "not_found"; code: string | null }
  | { status: "throttled"; retryAfterSeconds: number };

/**
 * Look a code up for anyone, signed in or not. Every lookup is counted
 * against the caller's IP before it runs (rule verifyIp, one atomic
 * statement, so parallel guesses count) and given back when the code exists:
 * only unknown codes add up. A blocked IP gets no answer at all, for known
 * codes either, so guessing gains nothing.
 */
export async function verifyCertificateCode({ input, ip }: { input: string; ip: string }): Promise<Verification> {
  const attempt = await takeAttempt("verifyIp", ip);
  if (attempt.blockedUntil) return { status: "throttled", retryAfterSeconds: retryAfterSeconds([attempt]) };
  const code = normaliseCode(input);
  const [row] = code
    ? await getDb()
        .select({
          code: certificates.code,
          learnerName: certificates.learnerName,
          moduleTitle: certificates.moduleTitle,
          moduleVersion: certificates.moduleVersion,
          providerName: certificates.providerName,
          providerApprovalNumber: certificates.providerApprovalNumber,
          completedAt: certificates.completedAt,
          contactHours: certificates.contactHours,
          hoursCategory: certificates.hoursCategory,
          revokedAt: certificates.revokedAt,
        })
        .from(certificates)
        .where(eq(certificates.code, code))
        .limit(1)
    : [];
  if (!row) return { status: "not_found", code };
  await refund(attempt);
  const certificate = { ...row, learnerName: row.learnerName === ERASED_NAME ? null : row.learnerName };
  return { status: row.revokedAt ? "revoked" : "valid", certificate };
}
