import { sql, type SQL } from "drizzle-orm";
import { execRows, type DbOrTx } from "@/db/client";
import { DEFAULT_TIME_ZONE, enqueue } from "./outbox";
import { nextNineSql } from "./sweep";

/**
 * The messages that events cause, written in the event's own transaction:
 * if the event rolls back, so does its message. Each is keyed, so an event
 * repeated (a double submit, a re-enrolment) adds nothing.
 */

/** Now, unless it is night for the recipient (9 p.m. to 8 a.m.): then their next 9 a.m. */
const eventSendAfterSql = (tz: SQL): SQL => sql`(case
    when extract(hour from now() at time zone ${tz}) >= 21 or extract(hour from now() at time zone ${tz}) < 8
    then ${nextNineSql(tz, sql`now()`)} else now() end)`;

/** "You have a new assignment" for the progress rows an assignment or an enrolment just made. */
export async function notifyAssigned(tx: DbOrTx, where: { assignmentId: string } | { cohortId: string; userId: string }) {
  const scope =
    "assignmentId" in where
      ? sql`p.assignment_id = ${where.assignmentId}::uuid`
      : sql`p.cohort_id = ${where.cohortId}::uuid and p.user_id = ${where.userId}::uuid`;
  const tz = sql`coalesce(u.time_zone, o.time_zone, ${DEFAULT_TIME_ZONE})`;
  await execRows(
    tx,
    sql`insert into outbox_messages (key, recipient_id, kind, subject_id, send_after)
      select 'assigned:' || p.user_id || ':' || p.id || ':once', p.user_id, 'assigned', p.id, ${eventSendAfterSql(tz)}
      from assignment_progress p join users u on u.id = p.user_id and u.status = 'active' left join org_settings o on o.id = 1
      where ${scope} and p.completed_at is null
      on conflict (key) do nothing returning id`,
  );
}

/** An instructor's review reached the learner: a revision request (with the feedback) or an acceptance. */
export async function notifyReviewed(
  tx: DbOrTx,
  r: {
    learnerId: string;
    progressId: string;
    reflectionId: string;
    decision: "accepted" | "revision_requested";
    feedback: string;
    moduleTitle?: string;
  },
) {
  if (r.decision === "revision_requested") {
    await enqueue(tx, {
      recipientId: r.learnerId,
      kind: "revision_requested",
      subjectId: r.reflectionId,
      // one per request: a second request on the same reflection is a new message
      period: new Date().toISOString(),
      payload: { progressId: r.progressId, feedback: r.feedback, moduleTitle: r.moduleTitle },
    });
  } else {
    await enqueue(tx, { recipientId: r.learnerId, kind: "reflections_accepted", subjectId: r.progressId, period: r.reflectionId });
  }
}

/** The certificate exists: tell its holder, with the links to download and verify it. */
export async function notifyCertificateIssued(tx: DbOrTx, c: { userId: string; certificateId: string }) {
  await enqueue(tx, { recipientId: c.userId, kind: "certificate_issued", subjectId: c.certificateId });
}

/** An instructor added an existing account to their cohort: the learner is asked to accept (the card on /learn says the same). */
export async function notifyEnrolmentOffered(tx: DbOrTx, o: { userId: string; pendingId: string }) {
  // one per offer: declining and being asked again is a new offer
  await enqueue(tx, { recipientId: o.userId, kind: "cohort_invitation", subjectId: o.pendingId, period: new Date().toISOString() });
}
