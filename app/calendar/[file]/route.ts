import { download, route } from "@/app/_edge/route";
import { publicOrigin } from "@/lib/certificates/links";
import { calendarFeedText } from "@/lib/notifications/calendar-feeds";
import { notFound } from "@/lib/platform/errors";

/**
 * A person's private iCalendar feed, `/calendar/<token>.ics`. Public: calendar
 * apps subscribe by URL without a session; the token is the credential and
 * lib/notifications/calendar-feeds.ts checks it, its owner and their role on
 * every request (anything wrong: 404, the same for every case).
 */
export const GET = route<{ file: string }>({ permission: "public", kind: "download" }, async ({ params }) => {
  if (!params.file.endsWith(".ics")) throw notFound();
  const body = await calendarFeedText({ token: params.file.slice(0, -4), origin: publicOrigin() });
  return download(body, { filename: "cohort-due-dates.ics", contentType: "text/calendar; charset=utf-8" });
});
