import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { assignmentProgress, assignments, reflections } from "@/db/schema";
import { audit } from "@/lib/audit/record";
import { issueCertificate } from "@/lib/certificates/issue";
import { creditAfterCompletion } from "./prior-completion";

/**
 * Complete the assignment if the completion rule (completion-rule.ts) now
 * holds, inside the transaction of the event that made it hold, and issue
 * the certificate there too. The `completed_at is null` guard makes it
 * happen once; completion is never undone.
 *
 * When the assignment's reflections must be accepted, the rule counts
 * accepted reflections, so the last acceptance completes; otherwise it
 * counts submitted ones, so the last submission does. Callers that can race
 * (two acceptances of the last two reflections) lock the progress row first,
 * so the second one sees the first one's acceptance.
 */
export async function completeIfDone(
  tx: DbOrTx,
  { progressId, promptCount, now }: { progressId: string; promptCount: number; now: Date },
): Promise<{ certificateId: string } | null> {
  const accepted = sql`(select count(*) from ${reflections} where ${reflections.progressId} = ${assignmentProgress.id} and ${reflections.status} = 'accepted')`;
  const [done] = await tx
    .update(assignmentProgress)
    .set({ completedAt: now })
    .where(
      and(
        eq(assignmentProgress.id, progressId),
        isNull(assignmentProgress.completedAt),
        isNotNull(assignmentProgress.quizPassedAt),
        sql`case when (select ${assignments.reflectionsMustBeAccepted} from ${assignments} where ${assignments.id} = ${assignmentProgress.assignmentId})
          then ${accepted} >= ${promptCount}
          else ${assignmentProgress.reflectionsSubmitted} >= ${promptCount} end`,
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
  // the same version in the learner's other cohorts is complete now too (no second certificate)
  await creditAfterCompletion(tx, { userId: done.userId });
  return { certificateId: cert.id };
}
