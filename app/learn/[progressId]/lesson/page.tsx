import { redirect } from "next/navigation";
import { page } from "@/app/_edge/page";
import { getLearnerAssignment } from "@/lib/learning/page-data";

/** The lesson starts at the first section not read yet (or the first, once all are read). */
export default page<{ progressId: string }>({ permission: "workspace.learner" }, async ({ user, params: { progressId } }) => {
  const a = await getLearnerAssignment({ learner: user, progressId });
  const sections = a.version.content.sections;
  const next = sections.find((s) => !a.readSectionIds.has(s.id)) ?? sections[0];
  redirect(`/learn/${progressId}/lesson/${next.id}`);
});
