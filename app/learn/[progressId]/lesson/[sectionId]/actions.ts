"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/app/_edge/action";
import { recordSectionRead } from "@/lib/learning/reads";

const schema = z.object({
  progressId: z.string().max(64),
  sectionId: z.string().max(100),
  /** where to go next: the next section or the quiz, always inside this assignment */
  next: z.enum(["section", "quiz"]),
  nextSectionId: z.string().max(100).optional(),
});

/**
 * "Mark as read and continue": record the section read, then move on. A
 * closed or not yet open assignment, or an unknown section, shows its message
 * next to the button; someone else's progress answers 404.
 */
export const markSectionRead = formAction({ permission: "workspace.learner", schema }, async (input, user) => {
  await recordSectionRead({ learner: user, progressId: input.progressId, sectionId: input.sectionId });
  const base = `/learn/${encodeURIComponent(input.progressId)}`;
  redirect(input.next === "quiz" || !input.nextSectionId ? `${base}/quiz` : `${base}/lesson/${encodeURIComponent(input.nextSectionId)}`);
});
