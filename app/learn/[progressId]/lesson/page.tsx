import { redirect } from "next/navigation";
import { requireRole } from "@/app/_edge/session";
import { getLearnerAssignment } from "@/lib/learning/page-data";

/** The lesson starts at the first section not read yet (or the first, once all are read). */
export default async function LessonStart({ params }: { params: Promise<{ progressId: string }> }) {
  const { progressId } = await params;
  const user = await requireRole("learner", `/learn/${progressId}/lesson`);
  const a = await getLearnerAssignment({ learner: user, progressId });
  const sections = a.version.content.sections;
  const next = sections.find((s) => !a.readSectionIds.has(s.id)) ?? sections[0];
  redirect(`/learn/${progressId}/lesson/${next.id}`);
}
