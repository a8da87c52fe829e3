import { and, eq, gte, isNotNull, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { assignmentProgress } from "@/db/schema";
import { audit } from "@/lib/audit/record";
import { issueCertificate } from "@/lib/certificates/issue";

/**
 * Complete the assignment if the completion rule (completion-rule.ts) now
 * holds, inside the transaction of the event that made it hold, and issue
 * the certificate there too. The `completed_at is null` guard makes it
 * happen once; completion is never undone.
 */
export async function completeIfDone(
  tx: DbOrTx,
  { progressId, promptCount, now }: { progressId: string; promptCount: number; now: Date },
): Promise<{ certificateId: string } | null> {
  const [done] = await tx
    .update(assignmentProgress)
    .set({ completedAt: now })
    .where(
      and(
        eq(assignmentProgress.id, progressId),
        isNull(assignmentProgress.completedAt),
        isNotNull(assignmentProgress.quizPassedAt),
        gte(assignmentProgress.reflectionsSubmitted, promptCount),
      ),
    )
    .returning({ userId: assignmentProgress.userId });
  if (!done) return null;
  const cert = await issueCertificate(tx, progressId);
  await audit(tx, {
    actorId: done.userId,
    action: "progress.complete",
    targetType: "assignment_progress",
    targetId: progressId,
    details: { certificateId: cert.id },
  });
  return { certificateId: cert.id };
}
