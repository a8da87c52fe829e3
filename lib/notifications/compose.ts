import { formatDate } from "@/lib/platform/format";
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
  if (kind === "weekly_digest") return composeDigest(db, msg);
  if (kind === "org_summary") return composeOrgSummary(db);
  return null;
}

/** An instructor's "Send a reminder now", as the learner reads it (also the instructor's preview). */
export function manualReminderText(r: { instructorName: string; moduleTitle: string; cohortName: string; due: string; overdue: boolean }) {
  return {
    title: `A reminder about ${r.moduleTitle}`,
    body: `${r.instructorName} sent you a reminder: ${r.moduleTitle} (${r.cohortName}) ${r.overdue ? "was" : "is"} due ${r.due} and is not complete yet.`,
  };
}

async function composeDigest(db: DbOrTx, msg: OutboxMessage): Promise<Composed | null> {
  const [d] = await execRows<{
    name: string;
    status: string;
    enrolled: number;
    complete: number;
    overdue: number;
    waiting: number;
    oldest: Date | null;
  }>(
    db,
    sql`select c.name, c.status,
          (select count(*)::int from enrolments e where e.cohort_id = c.id and e.status = 'active') as enrolled,
          (select count(*)::int from assignment_progress p where p.cohort_id = c.id and p.completed_at is not null) as complete,
          (select count(*)::int from assignment_progress p join assignments a on a.id = p.assignment_id
             where p.cohort_id = c.id and p.completed_at is null and ${effectiveDueOf("p", "a")} < now()) as overdue,
          (select count(*)::int from reflections r join assignment_progress p on p.id = r.progress_id where p.cohort_id = c.id and r.status = 'submitted') as waiting,
          (select min(r.submitted_at) from reflections r join assignment_progress p on p.id = r.progress_id where p.cohort_id = c.id and r.status = 'submitted') as oldest
        from cohorts c where c.id = ${msg.subjectId}::uuid`,
  );
  if (!d || d.status !== "active") return null;
  const waitDays = d.oldest ? Math.floor((Date.now() - new Date(d.oldest).getTime()) / 86_400_000) : 0;
  return {
    title: `This week in ${d.name}`,
    body: `${d.complete} of ${d.enrolled} learners complete, ${d.overdue} overdue, ${d.waiting} reflections waiting for review${d.waiting ? ` (the oldest for ${waitDays} days)` : ""}.`,
    link: `/instructor/cohorts/${msg.subjectId}`,
  };
}

async function composeOrgSummary(db: DbOrTx): Promise<Composed> {
  const [s] = await execRows<{ assigned: number; complete: number; overdue: number; waiting: number }>(
    db,
    sql`select count(*)::int as assigned, count(p.completed_at)::int as complete,
          count(*) filter (where p.completed_at is null and ${effectiveDueOf("p", "a")} < now())::int as overdue,
          (select count(*)::int from reflections where status = 'submitted') as waiting
        from assignment_progress p join assignments a on a.id = p.assignment_id`,
  );
  return {
    title: "This week across the organization",
    body: `${s.complete} of ${s.assigned} assignments complete, ${s.overdue} overdue, ${s.waiting} reflections waiting for review.`,
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
