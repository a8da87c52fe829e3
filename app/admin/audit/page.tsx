import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { LocalTime } from "@/app/_components/local-time";
import {
  auditActionLabels,
  auditDetailText,
  listAuditActions,
  listAuditEntries,
  readAuditFilters,
  type AuditFilters,
} from "@/lib/audit/log";
import { page } from "@/app/_edge/page";

export const metadata: Metadata = { title: "Audit log" };

function auditQuery(f: AuditFilters, before?: number) {
  const p = new URLSearchParams();
  if (f.actor) p.set("actor", f.actor);
  if (f.action) p.set("action", f.action);
  if (f.from) p.set("from", f.from);
  if (f.to) p.set("to", f.to);
  if (before) p.set("before", String(before));
  return p.toString();
}

export default page({ permission: "audit.read" }, async ({ user, query }) => {
  const filters = readAuditFilters(query);
  const [{ entries, nextBefore }, actions] = await Promise.all([
    listAuditEntries({ actor: user, filters }),
    listAuditActions({ actor: user }),
  ]);
  const filtered = Boolean(filters.actor || filters.action || filters.from || filters.to);
  return (
    <AppShell user={user} wide>
      <h1 className="text-2xl font-bold">Audit log</h1>
      <p className="mt-1 text-slate-700">Who did what, when and from where. Passwords and reflection text are never recorded.</p>

      <form
        method="get"
        action="/admin/audit"
        className="card mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_auto_auto_auto] sm:items-end"
        role="search"
        aria-label="Filter the audit log"
      >
        <div>
          <label htmlFor="actor" className="label">
            Who (email contains)
          </label>
          <input id="actor" name="actor" defaultValue={filters.actor} className="input" />
        </div>
        <div>
          <label htmlFor="action" className="label">
            Action
          </label>
          <select id="action" name="action" defaultValue={filters.action ?? ""} className="input">
            <option value="">Any action</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {auditActionLabels[a] ? `${auditActionLabels[a]} (${a})` : a}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="label">
            From (UTC day)
          </label>
          <input id="from" name="from" type="date" defaultValue={filters.from} className="input" />
        </div>
        <div>
          <label htmlFor="to" className="label">
            Until (UTC day)
          </label>
          <input id="to" name="to" type="date" defaultValue={filters.to} className="input" />
        </div>
        <div className="flex gap-2">
          <button type="submit" className="btn">
            Apply
          </button>
          <Link href="/admin/audit" className="btn-secondary">
            Clear
          </Link>
        </div>
      </form>

      {entries.length === 0 ? (
        <p className="card mt-4">
          {filtered ? (
            <>
              Nothing matches these filters.{" "}
              <Link className="link" href="/admin/audit">
                Clear the filters
              </Link>{" "}
              to see every entry.
            </>
          ) : filters.before ? (
            <>
              No older entries.{" "}
              <Link className="link" href="/admin/audit">
                Back to the newest
              </Link>
              .
            </>
          ) : (
            "Nothing recorded yet. Sign-ins, account changes and exports appear here as they happen."
          )}
        </p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm" data-testid="audit-table">
            <caption className="sr-only">Audit entries, newest first</caption>
            <thead>
              <tr className="border-b text-left">
                <th scope="col" className="p-2">
                  When
                </th>
                <th scope="col" className="p-2">
                  Who
                </th>
                <th scope="col" className="p-2">
                  What
                </th>
                <th scope="col" className="p-2">
                  Target
                </th>
                <th scope="col" className="p-2">
                  From
                </th>
                <th scope="col" className="p-2">
                  Details
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className="border-b align-top">
                  <td className="whitespace-nowrap p-2">
                    <LocalTime value={e.at} />
                  </td>
                  <td className="p-2">{e.actorEmail ?? "—"}</td>
                  <td className="p-2">
                    {auditActionLabels[e.action] ?? e.action}
                    <span className="block font-mono text-xs text-slate-600">{e.action}</span>
                  </td>
                  <td className="p-2">
                    {e.targetType === "user" && e.targetId && e.targetLabel ? (
                      <Link className="link" href={`/admin/users/${e.targetId}`}>
                        {e.targetLabel}
                      </Link>
                    ) : e.targetType ? (
                      `${e.targetType} ${e.targetId ?? ""}`
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="p-2">{e.ip ?? "—"}</td>
                  <td className="max-w-md break-words p-2 text-slate-700">{auditDetailText(e.details) || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Audit pages" className="mt-3 flex gap-4 text-sm">
        {filters.before && (
          <Link className="link" href={`/admin/audit?${auditQuery(filters)}`}>
            Newest entries
          </Link>
        )}
        {nextBefore && (
          <Link className="link" href={`/admin/audit?${auditQuery(filters, nextBefore)}`}>
            Older entries
          </Link>
        )}
      </nav>
    </AppShell>
  );
});
