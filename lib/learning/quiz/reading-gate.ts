import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sectionReads } from "@/db/schema";
import type { ModuleContent } from "@/lib/learning/module/content-schema";
import { DomainError } from "@/lib/platform/errors";

/**
 * "Require reading every section before the quiz" (per assignment, on by
 * default): the quiz opens once every section of the learner's version of
 * the lesson is marked read. The quiz page lists what is still unread with
 * the same function startAttempt refuses with.
 */
export function unreadSections(content: Pick<ModuleContent, "sections">, readSectionIds: ReadonlySet<string>) {
  return content.sections.filter((s) => !readSectionIds.has(s.id)).map((s) => ({ id: s.id, title: s.title }));
}

export function lessonUnreadMessage(unread: { title: string }[]) {
  const n = unread.length;
  return `Read every section of the lesson before you start the quiz. Still to read: ${n} section${n === 1 ? "" : "s"} (${unread.map((s) => s.title).join("; ")}).`;
}

/** Refuse (invalid, reason "lesson_unread", details.unread = section ids) while the assignment requires reading and a section is unread. */
export async function requireLessonRead(
  tx: DbOrTx,
  row: { requireAllSectionsRead: boolean; progress: { id: string } },
  content: Pick<ModuleContent, "sections">,
) {
  if (!row.requireAllSectionsRead) return;
  const reads = await tx
    .select({ sectionId: sectionReads.sectionId })
    .from(sectionReads)
    .where(eq(sectionReads.progressId, row.progress.id));
  const unread = unreadSections(content, new Set(reads.map((r) => r.sectionId)));
  if (unread.length) {
    throw new DomainError("invalid", lessonUnreadMessage(unread), {
      reason: "lesson_unread",
      details: { unread: unread.map((s) => s.id) },
    });
  }
}
