import Link from "next/link";
import { LocalTime } from "@/app/_components/local-time";
import { StatusBadge } from "@/app/_components/status-badge";
import type { Cohort, Actor } from "@/lib/cohorts/cohorts";
import { statuses, statusLabels } from "@/lib/learning/progress/status";
import { getCohortProgress, learnerPageQuerySchema, type LearnerSort } from "@/lib/reports/cohort-progress";
import { SetPasswordLinkButton } from "./set-password-link-button";

const columns: { key: LearnerSort; label: string; numeric?: boolean }[] = [
  { key: "name", label: "Name" },
  { key: "email", label: "Email" },
  { key: "status", label: "Status" },
  { key: "bestScore", label: "Best score", numeric: true },
  { key: "attempts", label: "Attempts", numeric: true },
  { key: "reflections", label: "Reflections", numeric: true },
  { key: "lastActivity", label: "Last activity" },
];

const REFLECTION_PROMPTS = 3;

function Tile({ label, value, detail, href }: { label: string; value: string; detail?: string; href?: string }) {
  const body = (
    <>
      <span className="block text-sm font-medium text-slate-700">{label}</span>
      <span className="mt-1 block text-2xl font-bold text-slate-900">{value}</span>
      {detail && <span className="mt-1 block text-xs text-slate-600">{detail}</span>}
    </>
  );
  return <li className="card">{href ? <Link href={href} className="block hover:text-brand-700">{body}</Link> : body}</li>;
}

/**
 * The cohort's progress page: tiles and the learner table, sorted, filtered,
 * searched and paged in SQL. Instructors reach it at /instructor/cohorts/[id]
 * (`manage`: links to each learner, enrolment and assignment); admins at
 * /admin/cohorts/[id], read-only.
 */
export async function CohortProgressView({
  user,
  cohort,
  basePath,
  params,
  manage = false,
}: {
  user: Actor;
  cohort: Cohort;
  basePath: string;
  params: Record<string, string>;
  manage?: boolean;
}) {
  const query = learnerPageQuerySchema.parse(params);
  const { assignmentList, assignment, summary, table } = await getCohortProgress({ actor: user, cohortId: cohort.id, query });
  const keep = (over: Record<string, string | number | undefined>) => {
    const merged: Record<string, string> = {};
    const all = { assignment: assignmentList.length > 1 ? assignment?.id : undefined, sort: query.sort, dir: query.dir, status: query.status, q: query.q, page: query.page, ...over };
    for (const [k, v] of Object.entries(all)) if (v !== undefined && v !== "" && !(k === "page" && v === 1)) merged[k] = String(v);
    return new URLSearchParams(merged).toString();
  };
  const reflectionsTotal = summary.enrolled * REFLECTION_PROMPTS;
  const filtered = Boolean(query.q || query.status);
  return (
    <>
      {assignmentList.length > 1 && (
        <form className="mb-4 flex items-end gap-2">
          <div>
            <label htmlFor="assignment" className="label">Module</label>
            <select id="assignment" name="assignment" defaultValue={assignment?.id} className="input">
              {assignmentList.map((a) => <option key={a.id} value={a.id}>{a.moduleTitle}</option>)}
            </select>
          </div>
          <button className="btn-secondary" type="submit">Show</button>
        </form>
      )}
      {assignment ? (
        <p className="mb-4 text-sm text-slate-700">
          {assignment.moduleTitle} · opens <LocalTime value={assignment.opensAt} /> · due <LocalTime value={assignment.dueAt} />
        </p>
      ) : (
        <p className="card mb-4">
          The module is not assigned to this cohort yet.{" "}
          {manage ? <Link className="link" href={`${basePath}/assignment`}>Assign it with an open and a due date</Link> : "Its instructor can assign it."}
        </p>
      )}

      <h2 className="sr-only">Summary</h2>
      <ul className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" data-testid="tiles">
        <Tile label="Enrolled" value={String(summary.enrolled)} detail="active learners" />
        <Tile label="Complete" value={summary.completePercent === null ? "—" : `${summary.completePercent} %`} detail={`${summary.completed} of ${summary.enrolled}`} />
        <Tile label="Quiz pass rate" value={summary.quizPassRate === null ? "—" : `${summary.quizPassRate} %`} detail={`${summary.quizPassed} of ${summary.quizTakers} who took it`} />
        <Tile label="Reflections submitted" value={String(summary.reflectionsSubmitted)} detail={`of ${reflectionsTotal}`} />
        <Tile label="Awaiting review" value={String(summary.awaitingReview)} detail={manage ? "open the review queue" : undefined} href={manage ? "/instructor/reviews" : undefined} />
        <Tile label="Overdue" value={String(summary.overdue)} detail="past due, not complete" />
      </ul>

      <div className="mt-8 flex flex-wrap items-end justify-between gap-3">
        <h2 className="text-lg font-semibold">Learners</h2>
        <a className="btn-secondary" href={`${basePath}/export.csv?${keep({ page: undefined })}`} download>
          Export CSV
        </a>
      </div>
      <form className="mt-3 flex flex-wrap items-end gap-3" role="search" aria-label="Filter learners">
        {assignmentList.length > 1 && <input type="hidden" name="assignment" value={assignment?.id} />}
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <div>
          <label htmlFor="q" className="label">Search name or email</label>
          <input id="q" name="q" defaultValue={query.q} className="input" />
        </div>
        <div>
          <label htmlFor="status" className="label">Status</label>
          <select id="status" name="status" defaultValue={query.status ?? ""} className="input" disabled={!assignment}>
            <option value="">Any</option>
            {statuses.map((s) => <option key={s} value={s}>{statusLabels[s]}</option>)}
          </select>
        </div>
        <button type="submit" className="btn">Apply</button>
        {filtered && <Link className="link text-sm" href={`${basePath}?${keep({ q: undefined, status: undefined, page: undefined })}`}>Clear filters</Link>}
      </form>

      <p className="mt-3 text-sm text-slate-700" role="status">
        {table.total} {table.total === 1 ? "learner" : "learners"}{filtered ? " match" : ""}
      </p>
      {table.rows.length === 0 ? (
        <p className="card mt-2">
          {filtered ? (
            "No learner matches these filters — clear them to see everyone."
          ) : manage ? (
            <>No learners yet — <Link className="link" href={`${basePath}/enrol`}>enrol learners</Link> with an invite link, by email or from a CSV roster.</>
          ) : (
            "No learners are enrolled in this cohort yet."
          )}
        </p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm">
            <caption className="sr-only">Learners of {cohort.name}; column headers sort the table</caption>
            <thead>
              <tr className="border-b text-left">
                {columns.map((c) => {
                  const active = query.sort === c.key;
                  const nextDir = active && query.dir === "asc" ? "desc" : "asc";
                  return (
                    <th key={c.key} scope="col" className={`p-2 ${c.numeric ? "text-right" : ""}`} aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
                      <Link className="hover:text-brand-700 hover:underline" href={`${basePath}?${keep({ sort: c.key, dir: nextDir, page: undefined })}`}>
                        {c.label}
                        <span aria-hidden="true">{active ? (query.dir === "asc" ? " ▲" : " ▼") : ""}</span>
                        <span className="sr-only">{active ? `, sorted ${query.dir === "asc" ? "ascending" : "descending"}; sort ${nextDir === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
                      </Link>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <tr key={r.userId} className="border-b align-top" data-testid={`learner-row-${r.email}`}>
                  <td className="p-2">
                    {manage ? <Link className="link" href={`${basePath}/learners/${r.userId}`}>{r.name}</Link> : r.name}
                    {!r.hasPassword && (
                      <div className="mt-1 text-xs text-slate-600">
                        No password yet
                        {manage && <SetPasswordLinkButton cohortId={cohort.id} learnerId={r.userId} name={r.name} />}
                      </div>
                    )}
                  </td>
                  <td className="p-2">{r.email}</td>
                  <td className="p-2"><StatusBadge status={r.status} compact /></td>
                  <td className="p-2 text-right">{r.bestScore === null ? "—" : `${r.bestScore} %`}</td>
                  <td className="p-2 text-right">{r.attempts}</td>
                  <td className="p-2 text-right">{r.reflections}/{REFLECTION_PROMPTS}</td>
                  <td className="p-2"><LocalTime value={r.lastActivityAt} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {table.pageCount > 1 && (
        <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm">
          {table.page > 1 && <Link className="link" href={`${basePath}?${keep({ page: Math.min(table.page - 1, table.pageCount) })}`}>Previous page</Link>}
          <span>Page {table.page} of {table.pageCount}</span>
          {table.page < table.pageCount && <Link className="link" href={`${basePath}?${keep({ page: table.page + 1 })}`}>Next page</Link>}
        </nav>
      )}
    </>
  );
}
