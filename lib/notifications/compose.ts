import { formatCount, formatDate } from "@/lib/platform/format";
import { sql } from "drizzle-orm";
import { effectiveDueOf } from "@/lib/learning/progress/due";
import { execRows, type DbOrTx } from "@/db/client";
import type { OutboxMessage } from "@/db/schema";
import type { NotificationKind } from "./kinds";

/**
 * What a message says, worked out from the state at send time, not at the
 * time it was queued: a learner who completed since gets no reminder (null:
 * the message is dropped). Text is plain, short and in US English.
 */
export type Composed = {
  title: string;
  /** the in-app notification's text and the heart of the email */
  body: string;
  /** a path inside the app */
  link: string;
  /** more lines for the email only */
  extra?: string[];
  /** a quotation for the email only (an instructor's feedback), shown set apart */
  quote?: string;
  /** a second link for the email only, e.g. the public verification page */
  secondary?: { label: string; path: string };
};

type ProgressFacts = {
  learner_active: boolean;
  enrolled: boolean;
  cohort_active: boolean;
  cohort_name: string;
  module_title: string;
  opens_at: Date;
  due_at: Date;
  completed_at: Date | null;
  progress_id: string;
};

export const usDate = (d: Date, timeZone: string) => formatDate(d, { timeZone });

async function progressFacts(db: DbOrTx, progressId: string): Promise<ProgressFacts | null> {
  const [row] = await execRows<ProgressFacts>(
    db,
    sql`select p.id as progress_id, u.status = 'active' as learner_active,
          exists (select 1 from enrolments e where e.cohort_id = p.cohort_id and e.user_id = p.user_id and e.status = 'active') as enrolled,
          c.status = 'active' as cohort_active, c.name as cohort_name, m.title as module_title,
          a.opens_at, ${effectiveDueOf("p", "a")} as due_at, p.completed_at
        from assignment_progress p
        join users u on u.id = p.user_id
        join assignments a on a.id = p.assignment_id
        join cohorts c on c.id = p.cohort_id
        join modules m on m.id = a.module_id
        where p.id = ${progressId}::uuid`,
  );
  return row ?? null;
}

/** Is the assignment still something this learner works on? */
const live = (f: ProgressFacts | null): f is ProgressFacts => Boolean(f && f.learner_active && f.enrolled && f.cohort_active);

export async function compose(db: DbOrTx, msg: OutboxMessage, timeZone: string, now: Date): Promise<Composed | null> {
  const kind = msg.kind as NotificationKind;
  const p = msg.payload as Record<string, string | number | undefined>;
  const progressKinds: NotificationKind[] = ["assigned", "opens_today", "due_soon", "overdue", "manual_reminder", "reflections_accepted"];
  if (progressKinds.includes(kind)) {
    const f = await progressFacts(db, msg.subjectId ?? "");
    if (!live(f)) return null;
    const link = `/learn/${f.progress_id}`;
    const due = usDate(f.due_at, timeZone);
    const what = `${f.module_title} (${f.cohort_name})`;
    if (kind === "reflections_accepted") {
      return { title: "Your reflections were accepted", body: `Your instructor accepted your reflections for ${what}.`, link };
    }
    if (f.completed_at) return null;
    switch (kind) {
      case "assigned":
        return {
          title: `New assignment: ${f.module_title}`,
          body: `You have a new assignment in ${f.cohort_name}: ${f.module_title}. It opens ${usDate(f.opens_at, timeZone)} and is due ${due}.`,
          link,
        };
      case "opens_today":
        if (new Date(f.opens_at).getTime() > now.getTime() + 24 * 3600_000) return null;
        return { title: `${f.module_title} opens today`, body: `${what} is open now. It is due ${due}.`, link };
      case "due_soon":
        if (new Date(f.due_at).getTime() < now.getTime()) return null;
        return { title: `${f.module_title} is due ${due}`, body: `${what} is due ${due} and is not complete yet.`, link };
      case "overdue":
        if (new Date(f.due_at).getTime() > now.getTime()) return null;
        return {
          title: `${f.module_title} is overdue`,
          body: `${what} was due ${due} and is not complete. Your work still counts: finish it as soon as you can.`,
          link,
        };
      case "manual_reminder":
        return {
          ...manualReminderText({
            instructorName: String(p.instructorName ?? "Your instructor"),
            moduleTitle: f.module_title,
            cohortName: f.cohort_name,
            due,
            overdue: new Date(f.due_at).getTime() <= now.getTime(),
          }),
          link,
        };
    }
  }
  if (kind === "revision_requested") {
    return {
      title: "Your instructor asked for a revision",
      body: `Your instructor asked you to revise a reflection for ${String(p.moduleTitle ?? "your assignment")}.`,
      link: `/learn/${String(p.progressId ?? "")}/reflections`,
      quote: p.feedback ? String(p.feedback) : undefined,
    };
  }
  if (kind === "certificate_issued") {
    const [c] = await execRows<{ revoked_at: Date | null; code: string; module_title: string }>(
      db,
      sql`select revoked_at, code, module_title from certificates where id = ${msg.subjectId}::uuid`,
    );
    if (!c || c.revoked_at) return null;
    return {
      title: "Your certificate is ready",
      body: `You completed ${c.module_title}. Your certificate is ready to download.`,
      link: `/certificates/${msg.subjectId}`,
      secondary: { label: "Anyone you show it to can check it here", path: `/verify/${c.code}` },
    };
  }
  if (kind === "cohort_invitation") {
    // still open at send time? (accepting deletes the offer; declining marks it)
    const [o] = await execRows<{ cohort_name: string; inviter_name: string | null }>(
      db,
      sql`select c.name as cohort_name, i.name as inviter_name
        from pending_enrolments pe join cohorts c on c.id = pe.cohort_id and c.status = 'active'
        left join users i on i.id = pe.invited_by
        where pe.id = ${msg.subjectId}::uuid and pe.declined_at is null`,
    );
    if (!o) return null;
    return {
      title: `You were added to ${o.cohort_name}`,
      body: `${o.inviter_name ?? "An instructor"} added you to the cohort "${o.cohort_name}". You are not enrolled until you accept. Open Cohort to accept or decline; if you do not know this instructor, choose Decline.`,
      link: "/learn",
    };
  }
  if (kind === "account_changed") return composeAccountChanged(msg);
  if (kind === "review_waiting") {
    const [r] = await execRows<{ status: string }>(db, sql`select status from reflections where id = ${msg.subjectId}::uuid`);
    if (!r || r.status !== "submitted") return null;
    return {
      title: "A reflection has waited 3 days",
      body: "A reflection in one of your cohorts has waited 3 days for your review.",
      link: `/instructor/reviews/${msg.subjectId}`,
    };
  }
  if (kind === "weekly_digest") return composeDigest(db, msg, now);
  if (kind === "org_summary") return composeOrgSummary(db, now);
  return null;
}

/** An instructor's "Send a reminder now", as the learner reads it (also the instructor's preview). */
export function manualReminderText(r: { instructorName: string; moduleTitle: string; cohortName: string; due: string; overdue: boolean }) {
  return {
    title: `A reminder about ${r.moduleTitle}`,
    body: `${r.instructorName} sent you a reminder: ${r.moduleTitle} (${r.cohortName}) ${r.overdue ? "was" : "is"} due ${r.due} and is not complete yet.`,
  };
}

/** "1 reflection", "3 reflections". */
const counted = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** "Ana Ruiz, Ben Cho and 3 more": at most `max` names. */
function someNames(names: string[], total: number, max: number): string {
  const shown = names.slice(0, max);
  const more = total - shown.length;
  if (more > 0) return `${shown.join(", ")} and ${more} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}` : (shown[0] ?? "");
}

const daysSince = (at: Date | null, now: Date) => (at ? Math.max(0, Math.floor((now.getTime() - new Date(at).getTime()) / 86_400_000)) : 0);

/** Names listed in a digest line before "and N more". */
export const DIGEST_NAMES = 10;

/**
 * An instructor's week in one cohort: how many of its active learners are
 * complete, who is overdue (by name, the first ten), and the reflections
 * waiting for review with the oldest wait. Counts follow the cohort page:
 * learners still enrolled, in the cohort's assignments.
 */
async function composeDigest(db: DbOrTx, msg: OutboxMessage, now: Date): Promise<Composed | null> {
  const [d] = await execRows<{
    name: string;
    status: string;
    assignments: number;
    assigned: number;
    complete: number;
    overdue: number;
    overdue_learners: number;
    overdue_names: string[] | null;
    waiting: number;
    oldest: Date | null;
  }>(
    db,
    sql`with work as (
          select p.user_id, p.completed_at, ${effectiveDueOf("p", "a")} as due_at, u.name
          from assignment_progress p
          join assignments a on a.id = p.assignment_id
          join enrolments e on e.cohort_id = p.cohort_id and e.user_id = p.user_id and e.status = 'active'
          join users u on u.id = p.user_id and u.status = 'active'
          where p.cohort_id = ${msg.subjectId}::uuid and a.opens_at <= ${now.toISOString()}::timestamptz),
        late as (select user_id, name from work where completed_at is null and due_at < ${now.toISOString()}::timestamptz),
        waiting as (
          select r.submitted_at
          from reflections r
          join assignment_progress p on p.id = r.progress_id
          join enrolments e on e.cohort_id = p.cohort_id and e.user_id = r.user_id and e.status = 'active'
          where p.cohort_id = ${msg.subjectId}::uuid and r.status = 'submitted')
        select c.name, c.status,
          (select count(*)::int from assignments a where a.cohort_id = c.id and a.opens_at <= ${now.toISOString()}::timestamptz) as assignments,
          (select count(*)::int from work) as assigned,
          (select count(completed_at)::int from work) as complete,
          (select count(*)::int from late) as overdue,
          (select count(distinct user_id)::int from late) as overdue_learners,
          (select array_agg(name order by name)
             from (select name from (select distinct user_id, name from late) l order by name limit ${DIGEST_NAMES}) n) as overdue_names,
          (select count(*)::int from waiting) as waiting,
          (select min(submitted_at) from waiting) as oldest
        from cohorts c where c.id = ${msg.subjectId}::uuid`,
  );
  if (!d || d.status !== "active") return null;
  const completion =
    d.assignments > 1
      ? `${formatCount(d.complete)} of ${formatCount(d.assigned)} assignments complete`
      : `${formatCount(d.complete)} of ${counted(d.assigned, "learner")} complete`;
  const waiting = d.waiting
    ? `${counted(d.waiting, "reflection")} waiting for review (the oldest for ${counted(daysSince(d.oldest, now), "day")})`
    : "no reflection waiting for review";
  const extra = d.overdue ? [`Overdue: ${someNames(d.overdue_names ?? [], d.overdue_learners, DIGEST_NAMES)}.`] : [];
  return {
    title: `This week in ${d.name}`,
    body: `${completion}, ${formatCount(d.overdue)} overdue, ${waiting}.`,
    extra,
    link: `/instructor/cohorts/${msg.subjectId}`,
  };
}

/**
 * An admin's week across the organization's active cohorts: completion and
 * overdue over learners still enrolled, and the reflections waiting for
 * review by instructor (each cohort's waiting reflections count for each of
 * its instructors), the longest waits first.
 */
async function composeOrgSummary(db: DbOrTx, now: Date): Promise<Composed> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const [s] = await execRows<{ assigned: number; complete: number; overdue: number; waiting: number }>(
    db,
    sql`select count(*)::int as assigned, count(p.completed_at)::int as complete,
          count(*) filter (where p.completed_at is null and ${effectiveDueOf("p", "a")} < ${at})::int as overdue,
          (select count(*)::int from reflections r
             join assignment_progress rp on rp.id = r.progress_id
             join cohorts rc on rc.id = rp.cohort_id and rc.status = 'active'
             join enrolments re on re.cohort_id = rp.cohort_id and re.user_id = r.user_id and re.status = 'active'
             where r.status = 'submitted') as waiting
        from assignment_progress p
        join assignments a on a.id = p.assignment_id and a.opens_at <= ${at}
        join cohorts c on c.id = p.cohort_id and c.status = 'active'
        join enrolments e on e.cohort_id = p.cohort_id and e.user_id = p.user_id and e.status = 'active'
        join users u on u.id = p.user_id and u.status = 'active'`,
  );
  const byInstructor = await execRows<{ name: string; waiting: number; oldest: Date }>(
    db,
    sql`select u.name, count(*)::int as waiting, min(r.submitted_at) as oldest
        from reflections r
        join assignment_progress p on p.id = r.progress_id
        join cohorts c on c.id = p.cohort_id and c.status = 'active'
        join enrolments e on e.cohort_id = p.cohort_id and e.user_id = r.user_id and e.status = 'active'
        join cohort_instructors ci on ci.cohort_id = p.cohort_id
        join users u on u.id = ci.user_id
        where r.status = 'submitted'
        group by u.id, u.name
        order by min(r.submitted_at), u.name
        limit ${DIGEST_NAMES + 1}`,
  );
  const shown = byInstructor.slice(0, DIGEST_NAMES);
  const extra = shown.length
    ? [
        "Waiting for review, by instructor:",
        ...shown.map((i) => `${i.name}: ${formatCount(i.waiting)} (the oldest for ${counted(daysSince(i.oldest, now), "day")})`),
        ...(byInstructor.length > DIGEST_NAMES ? ["More instructors have reflections waiting: see the review queues."] : []),
      ]
    : [];
  return {
    title: "This week across the organization",
    body: `${formatCount(s.complete)} of ${formatCount(s.assigned)} assignments complete, ${formatCount(s.overdue)} overdue, ${s.waiting ? `${counted(s.waiting, "reflection")} waiting for review` : "no reflection waiting for review"}.`,
    extra,
    link: "/admin",
  };
}

/** An admin corrected the person's name or sign-in email (lib/accounts/people.ts). */
function composeAccountChanged(msg: OutboxMessage): Composed {
  const p = msg.payload as { previousAddress?: boolean; changes?: { name?: [string, string]; email?: [string, string] } };
  const unexpected = "If you did not expect this, tell your program coordinator (an admin of your training program).";
  if (p.previousAddress) {
    return {
      title: "Your sign-in email was changed",
      body: `An admin changed the email address of your Cohort account. This address no longer signs in. ${unexpected}`,
      link: "/account",
    };
  }
  const lines: string[] = [];
  if (p.changes?.name) lines.push(`Your name is now "${p.changes.name[1]}" (it was "${p.changes.name[0]}").`);
  if (p.changes?.email)
    lines.push(`You now sign in with ${p.changes.email[1]} instead of ${p.changes.email[0]}. Your password is unchanged.`);
  return {
    title: p.changes?.email ? "Your sign-in email was changed" : "Your name was changed",
    body: `An admin updated your account. ${lines.join(" ")} ${unexpected}`,
    link: "/account",
  };
}
