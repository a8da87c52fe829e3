import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { certificates } from "@/db/schema";
import { blockedUntil, keyFor, recordFailure } from "@/lib/accounts/throttle";
import { normaliseCode } from "./format";

/** Exactly what the public may learn about a certificate from its code. */
export type PublicCertificate = {
  code: string;
  learnerName: string;
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
 * Look a code up for anyone, signed in or not. Every unknown code counts as a
 * failure against the caller's IP (rule verifyIp); a blocked IP gets no
 * answer at all, for known codes either, so guessing gains nothing.
 */
export async function verifyCertificateCode({ input, ip }: { input: string; ip: string }): Promise<Verification> {
  const until = await blockedUntil([keyFor("verifyIp", ip)]);
  if (until) return { status: "throttled", retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000)) };
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
  if (!row) {
    await recordFailure("verifyIp", ip);
    return { status: "not_found", code };
  }
  return { status: row.revokedAt ? "revoked" : "valid", certificate: row };
}
