import { download, route } from "@/app/_edge/route";
import { publicOrigin } from "@/lib/certificates/links";
import { cohortAssignmentCalendar } from "@/lib/notifications/calendar";

/** "Add to calendar": a due date of a cohort the instructor teaches as an .ics file (another cohort's: 404). */
export const GET = route<{ cohortId: string; assignmentId: string }>(
  { permission: "workspace.instructor", kind: "download" },
  async ({ user, params }) => {
    const { body, filename } = await cohortAssignmentCalendar({ actor: user, ...params, origin: publicOrigin() });
    return download(body, { filename, contentType: "text/calendar; charset=utf-8" });
  },
);
