import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { LocalTime } from "@/app/_components/local-time";
import { Button, buttonClasses } from "@/app/_components/ui/button";
import { cardClasses } from "@/app/_components/ui/card";
import { cx } from "@/app/_components/ui/cx";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { Table, Td, Tr, type Column } from "@/app/_components/ui/table";
import { auditDetailLines, listAuditActions, listAuditEntries, readAuditFilters, type AuditFilters } from "@/lib/audit/log";
import { auditActionLabel } from "@/lib/audit/labels";
import { page } from "@/app/_edge/page";

export const metadata: Metadata = { title: "Audit log" };

const columns: Column[] = [
  { key: "when", label: "When" },
  { key: "who", label: "Who" },
  { key: "what", label: "What" },
  { key: "target", label: "Target" },
  { key: "from", label: "From" },
  { key: "details", label: "Details" },
];

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
        className={cx(cardClasses, "mt-4 grid gap-3 sm:grid-cols-2 sm:items-end lg:grid-cols-[1fr_1fr_auto_auto_auto]")}
        role="search"
        aria-label="Filter the audit log"
      >
        <TextField name="actor" label="Who (email contains)" defaultValue={filters.actor} />
        <SelectField name="action" label="Action" defaultValue={filters.action ?? ""}>
          <option value="">Any action</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {auditActionLabel(a)}
            </option>
          ))}
        </SelectField>
        <TextField name="from" type="date" label="From (UTC day)" defaultValue={filters.from} />
        <TextField name="to" type="date" label="Until (UTC day)" defaultValue={filters.to} />
        <div className="flex gap-2">
          <Button type="submit">Apply</Button>
          <Link href="/admin/audit" className={buttonClasses({ variant: "secondary" })}>
            Clear
          </Link>
        </div>
      </form>

      <div className="mt-4">
        <Table
          caption="Audit entries, newest first"
          columns={columns}
          data-testid="audit-table"
          empty={
            <EmptyState
              action={
                !filtered &&
                !filters.before && (
                  <Link className={buttonClasses({ variant: "secondary" })} href="/admin">
                    Back to the overview
                  </Link>
                )
              }
            >
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
            </EmptyState>
          }
        >
          {entries.map((e) => (
            <Tr key={e.id}>
              <Td className="whitespace-nowrap">
                <LocalTime value={e.at} />
              </Td>
              <Td>{e.actorEmail ?? "—"}</Td>
              <Td>{auditActionLabel(e.action)}</Td>
              <Td>
                {e.target ? (
                  e.target.href ? (
                    <Link className="link" href={e.target.href}>
                      {e.target.label}
                      {e.target.detail && <span className="block text-xs text-slate-600">{e.target.detail}</span>}
                    </Link>
                  ) : (
                    <>
                      {e.target.label}
                      {e.target.detail && <span className="block text-xs text-slate-600">{e.target.detail}</span>}
                    </>
                  )
                ) : (
                  "—"
                )}
              </Td>
              <Td>{e.ip ?? "—"}</Td>
              <Td className="max-w-md break-words text-slate-700">
                {(() => {
                  const lines = auditDetailLines(e.action, e.details);
                  return lines.length ? (
                    <ul className="space-y-0.5">
                      {lines.map((line, i) => (
                        <li key={i}>{line}</li>
                      ))}
                    </ul>
                  ) : (
                    "—"
                  );
                })()}
              </Td>
            </Tr>
          ))}
        </Table>
      </div>
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
