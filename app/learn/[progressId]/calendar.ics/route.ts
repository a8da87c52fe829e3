import { download, route } from "@/app/_edge/route";
import { publicOrigin } from "@/lib/certificates/links";
import { learnerAssignmentCalendar } from "@/lib/notifications/calendar";

/** "Add to calendar": the learner's own assignment's due date as an .ics file (anyone else's: 404). */
export const GET = route<{ progressId: string }>({ permission: "workspace.learner", kind: "download" }, async ({ user, params }) => {
  const { body, filename } = await learnerAssignmentCalendar({ learner: user, progressId: params.progressId, origin: publicOrigin() });
  return download(body, { filename, contentType: "text/calendar; charset=utf-8" });
});
