import { eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { assignmentProgress, sectionReads } from "@/db/schema";
import { loadOwnProgress, recordActivity, requireOpen, type Learner } from "./own-progress";
import { invalid } from "@/lib/platform/errors";

/**
 * The learner has read a section: one row per section (reading it again
 * changes nothing), and the sectionsRead counter recounted in the same
 * transaction. The first activity pins the module version.
 */
export async function recordSectionRead({
  learner,
  progressId,
  sectionId,
  now = new Date(),
  db = getDb(),
}: {
  learner: Learner;
  progressId: string;
  sectionId: string;
  now?: Date;
  db?: DbOrTx;
}): Promise<{ sectionsRead: number }> {
  return db.transaction(async (tx) => {
    const row = await loadOwnProgress(tx, learner, progressId, { lock: true });
    requireOpen(row, now);
    const version = await recordActivity(tx, row, now);
    if (!version.content.sections.some((s) => s.id === sectionId)) throw invalid("There is no such section.");
    await tx.insert(sectionReads).values({ progressId, sectionId, readAt: now }).onConflictDoNothing();
    const [p] = await tx
      .update(assignmentProgress)
      .set({ sectionsRead: sql`(select count(*)::int from ${sectionReads} where ${sectionReads.progressId} = ${progressId})` })
      .where(eq(assignmentProgress.id, progressId))
      .returning({ sectionsRead: assignmentProgress.sectionsRead });
    return p;
  });
}
