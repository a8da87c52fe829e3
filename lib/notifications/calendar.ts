import { formatTime } from "@/lib/platform/format";
import ical, { ICalCalendarMethod } from "ical-generator";
import { effectiveDueOf } from "@/lib/learning/progress/due";
import { sql } from "drizzle-orm";
import { execRows, getDb, type DbOrTx } from "@/db/client";
import { requireCohort, type Actor } from "@/lib/cohorts/cohorts";
import { dueDay, localDate } from "@/lib/learning/due-date";
import { loadOwnProgress, type Learner } from "@/lib/learning/own-progress";
import { isUuid } from "@/lib/platform/ids";
import { notFound } from "@/lib/platform/errors";
import { timeZoneOf } from "./outbox";

/**
 * Due dates as iCalendar (RFC 5545), built with ical-generator: one all-day
 * event on the due date as it falls in the person's time zone (a date needs
 * no VTIMEZONE and reads the same in every calendar app), with the exact due
 * time in the description. UIDs are stable, so a downloaded event and the
 * same event in the feed are one event to the calendar.
 */
export type DueEvent = {
  uid: string;
  summary: string;
  description: string;
  dueAt: Date;
  url: string;
};

export function buildCalendar({
  name,
  events,
  timeZone,
  now = new Date(),
}: {
  name: string;
  events: DueEvent[];
  timeZone: string;
  now?: Date;
}) {
  const cal = ical({ name, prodId: { company: "Cohort", product: "Due dates", language: "EN" }, method: ICalCalendarMethod.PUBLISH });
  for (const e of events) {
    const d = localDate(e.dueAt, timeZone);
    cal.createEvent({
      id: e.uid,
      allDay: true,
      // date-only values are written from the UTC fields: midnight UTC of the local calendar day
      start: new Date(Date.UTC(d.year, d.month - 1, d.day)),
      end: new Date(Date.UTC(d.year, d.month - 1, d.day + 1)),
      stamp: now,
      summary: e.summary,
      description: e.description,
      url: e.url,
    });
  }
  return cal.toString();
}

const dueLine = (dueAt: Date, timeZone: string) => `Due ${dueDay(dueAt, timeZone)} at ${formatTime(dueAt, { timeZone })}.`;

type LearnerRow = {
  progress_id: string;
  due_at: Date;
  extended: boolean;
  module_title: string;
  cohort_name: string;
  completed_at: Date | null;
};

/** A learner's assignments in their active enrolments of active cohorts (no reflection text, nobody else's name). */
export async function learnerDueEvents(db: DbOrTx, userId: string, origin: string, timeZone: string): Promise<DueEvent[]> {
  const rows = await execRows<LearnerRow>(
    db,
    sql`select p.id as progress_id, ${effectiveDueOf("p", "a")} as due_at, p.due_at_override is not null as extended,
          m.title as module_title, c.name as cohort_name, p.completed_at
        from assignment_progress p
        join assignments a on a.id = p.assignment_id
        join modules m on m.id = a.module_id
        join cohorts c on c.id = p.cohort_id and c.status = 'active'
        join enrolments e on e.cohort_id = p.cohort_id and e.user_id = p.user_id and e.status = 'active'
        where p.user_id = ${userId}::uuid
        order by 2`,
  );
  return rows.map((r) => learnerEvent(r, origin, timeZone));
}

function learnerEvent(r: LearnerRow, origin: string, timeZone: string): DueEvent {
  const dueAt = new Date(r.due_at);
  return {
    uid: `assignment-${r.progress_id}@cohort`,
    summary: `Due: ${r.module_title} (${r.cohort_name})`,
    description: `${dueLine(dueAt, timeZone)}${r.extended ? " Your instructor extended your due date." : ""}${r.completed_at ? " You have completed it." : ""}`,
    dueAt,
    url: `${origin}/learn/${r.progress_id}`,
  };
}

type InstructorRow = {
  assignment_id: string;
  cohort_id: string;
  due_at: Date;
  module_title: string;
  cohort_name: string;
  enrolled: number;
};

const instructorEvent = (r: InstructorRow, origin: string, timeZone: string): DueEvent => {
  const dueAt = new Date(r.due_at);
  return {
    uid: `cohort-assignment-${r.assignment_id}@cohort`,
    summary: `Due: ${r.module_title} (${r.cohort_name})`,
    description: `${dueLine(dueAt, timeZone)} ${r.enrolled} ${r.enrolled === 1 ? "learner" : "learners"} enrolled.`,
    dueAt,
    url: `${origin}/instructor/cohorts/${r.cohort_id}`,
  };
};

/** The cohort's date (learners with an extension have their own, in their feed). */
const instructorRows = (db: DbOrTx, userId: string, assignmentId?: string) =>
  execRows<InstructorRow>(
    db,
    sql`select a.id as assignment_id, c.id as cohort_id, a.due_at, m.title as module_title, c.name as cohort_name,
          (select count(*)::int from enrolments e where e.cohort_id = c.id and e.status = 'active') as enrolled
        from assignments a
        join modules m on m.id = a.module_id
        join cohorts c on c.id = a.cohort_id and c.status = 'active'
        join cohort_instructors ci on ci.cohort_id = c.id and ci.user_id = ${userId}::uuid
        ${assignmentId ? sql`where a.id = ${assignmentId}::uuid` : sql``}
        order by a.due_at`,
  );

/** The assignments of the cohorts an instructor teaches (counts only, no learner names). */
export async function instructorDueEvents(db: DbOrTx, userId: string, origin: string, timeZone: string): Promise<DueEvent[]> {
  return (await instructorRows(db, userId)).map((r) => instructorEvent(r, origin, timeZone));
}

const fileName = (title: string) =>
  `${
    title
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .toLowerCase() || "assignment"
  }-due.ics`;

/** "Add to calendar" on a learner's own assignment; anyone else's id is not_found. */
export async function learnerAssignmentCalendar({ learner, progressId, origin }: { learner: Learner; progressId: string; origin: string }) {
  const db = getDb();
  await loadOwnProgress(db, learner, progressId);
  const timeZone = await timeZoneOf(db, learner.id);
  const rows = (await learnerDueEvents(db, learner.id, origin, timeZone)).filter((e) => e.uid === `assignment-${progressId}@cohort`);
  if (!rows.length) throw notFound();
  return { body: buildCalendar({ name: "Cohort due date", events: rows, timeZone }), filename: fileName(rows[0].summary.slice(5)) };
}

/** "Add to calendar" on an assignment of a cohort the instructor teaches; another cohort's is not_found. */
export async function cohortAssignmentCalendar({
  actor,
  cohortId,
  assignmentId,
  origin,
}: {
  actor: Actor;
  cohortId: string;
  assignmentId: string;
  origin: string;
}) {
  const db = getDb();
  await requireCohort(actor, cohortId, "cohort.progress");
  if (!isUuid(assignmentId)) throw notFound();
  const [row] = (await instructorRows(db, actor.id, assignmentId)).filter((r) => r.cohort_id === cohortId);
  if (!row) throw notFound();
  const timeZone = await timeZoneOf(db, actor.id);
  return {
    body: buildCalendar({ name: "Cohort due date", events: [instructorEvent(row, origin, timeZone)], timeZone }),
    filename: fileName(row.module_title),
  };
}
