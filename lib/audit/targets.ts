import { sql, type SQL } from "drizzle-orm";
import { execRows, getDb } from "@/db/client";

/** What an entry acted on, as a person reads it, and the admin page that shows it (null when none does). */
export type AuditTarget = { label: string; detail: string | null; href: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Row = { type: string; id: string; label: string | null; detail: string | null; cohort_id: string | null; email: string | null };

const learnerInCohort = (cohortId: string | null, email: string | null) =>
  cohortId ? `/admin/cohorts/${cohortId}${email ? `?q=${encodeURIComponent(email)}` : ""}` : null;

/** The page each kind of target opens on; a learner's progress opens their row in the cohort's table. */
function hrefOf(r: Row): string | null {
  switch (r.type) {
    case "user":
      return `/admin/users/${r.id}`;
    case "cohort":
    case "assignment":
    case "cohort_invite":
      return r.cohort_id ? `/admin/cohorts/${r.cohort_id}` : null;
    case "assignment_progress":
    case "enrolment":
    case "reflection":
      return learnerInCohort(r.cohort_id, r.email);
    case "certificate":
      return `/certificates/${r.id}`;
    default:
      return null;
  }
}

// each kind of target: its label, a second line, its cohort and (for a learner's row) their email
const lookups: Record<string, (ids: SQL) => SQL> = {
  user: (
    ids,
  ) => sql`select 'user' as type, u.id::text as id, u.name as label, u.email as detail, null::text as cohort_id, null::text as email
    from users u where u.id in (${ids})`,
  cohort: (ids) => sql`select 'cohort', c.id::text, c.name, null::text, c.id::text, null::text from cohorts c where c.id in (${ids})`,
  assignment: (ids) => sql`select 'assignment', a.id::text, m.title, c.name, c.id::text, null::text
    from assignments a join cohorts c on c.id = a.cohort_id join modules m on m.id = a.module_id where a.id in (${ids})`,
  assignment_progress: (ids) => sql`select 'assignment_progress', p.id::text, u.name, concat(m.title, ' · ', c.name), c.id::text, u.email
    from assignment_progress p join users u on u.id = p.user_id join cohorts c on c.id = p.cohort_id
      join assignments a on a.id = p.assignment_id join modules m on m.id = a.module_id where p.id in (${ids})`,
  enrolment: (ids) => sql`select 'enrolment', e.id::text, u.name, c.name, c.id::text, u.email
    from enrolments e join users u on u.id = e.user_id join cohorts c on c.id = e.cohort_id where e.id in (${ids})`,
  reflection: (ids) => sql`select 'reflection', r.id::text, u.name, concat('Reflection · ', c.name), c.id::text, u.email
    from reflections r join assignment_progress p on p.id = r.progress_id join users u on u.id = p.user_id
      join cohorts c on c.id = p.cohort_id where r.id in (${ids})`,
  certificate: (ids) => sql`select 'certificate', ce.id::text, concat('Certificate ', ce.code), ce.learner_name, null::text, null::text
    from certificates ce where ce.id in (${ids})`,
  cohort_invite: (ids) => sql`select 'cohort_invite', i.id::text, concat('Invite link for ', c.name), null::text, c.id::text, null::text
    from cohort_invites i join cohorts c on c.id = i.cohort_id where i.id in (${ids})`,
};

const key = (type: string, id: string) => `${type}:${id}`;

/**
 * Names and links for the targets of a page of entries, in one query for
 * the whole page (a union of one lookup per kind of target), never one per
 * row. A target that no longer exists, or of a kind with no page, reads as
 * its kind and id.
 */
export async function resolveAuditTargets(entries: { targetType: string | null; targetId: string | null }[]) {
  const out = new Map<string, AuditTarget>();
  const wanted = new Map<string, Set<string>>();
  for (const e of entries) {
    if (!e.targetType || !e.targetId) continue;
    if (e.targetType === "org_settings") {
      out.set(key(e.targetType, e.targetId), { label: "Organization settings", detail: null, href: "/admin/settings" });
      continue;
    }
    if (!lookups[e.targetType] || !UUID.test(e.targetId)) continue;
    let ids = wanted.get(e.targetType);
    if (!ids) wanted.set(e.targetType, (ids = new Set()));
    ids.add(e.targetId.toLowerCase());
  }
  if (wanted.size) {
    // each lookup named the same columns, whatever its own select calls them
    const parts = [...wanted].map(
      ([type, ids]) =>
        sql`select * from (${lookups[type](
          sql.join(
            [...ids].map((id) => sql`${id}::uuid`),
            sql`, `,
          ),
        )}) as t(type, id, label, detail, cohort_id, email)`,
    );
    const rows = await execRows<Row>(getDb(), sql.join(parts, sql` union all `));
    for (const r of rows) out.set(key(r.type, r.id), { label: r.label ?? r.type, detail: r.detail, href: hrefOf(r) });
  }
  return (e: { targetType: string | null; targetId: string | null }): AuditTarget | null => {
    if (!e.targetType) return null;
    const found = e.targetId ? (out.get(key(e.targetType, e.targetId.toLowerCase())) ?? out.get(key(e.targetType, e.targetId))) : undefined;
    const kind = e.targetType.replace(/_/g, " ");
    return found ?? { label: `${kind} ${e.targetId ?? ""}`.trim(), detail: lookups[e.targetType] ? "no longer exists" : null, href: null };
  };
}
