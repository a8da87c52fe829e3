import Link from "next/link";
import { categoryKey } from "@/lib/certificates/format";
import { formatCertificateDate, formatHours } from "@/lib/platform/format";
import type { TrainingRecord } from "@/lib/certificates/record";
import { Badge } from "@/app/_components/ui/badge";
import { buttonClasses } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { Table, Td, Tr, type Column } from "@/app/_components/ui/table";

const entryColumns: Column[] = [
  { key: "completed", label: "Completed" },
  { key: "module", label: "Module" },
  { key: "hours", label: "Hours", numeric: true },
  { key: "category", label: "Category" },
  { key: "certificate", label: "Certificate" },
];

/**
 * A training record as the learner and staff see it: progress toward the
 * organisation's hour targets, credited hours per category, and every
 * completed module. Used by /learn/record and /people/[userId]/record.
 */
export function TrainingRecordView({
  record,
  exportBase,
  certificateHref,
  emptyText,
}: {
  record: TrainingRecord;
  /** "/learn/record" → /learn/record.csv and .pdf */
  exportBase: string;
  /** link to a certificate page, or null where this viewer may not open it */
  certificateHref: (entry: TrainingRecord["entries"][number]) => string | null;
  emptyText: React.ReactNode;
}) {
  const untargeted = record.totals.filter((t) => !record.targets.some((g) => categoryKey(g.category) === categoryKey(t.category)));
  return (
    <>
      <div className="mt-4 flex flex-wrap gap-3">
        <a className={buttonClasses({ variant: "secondary" })} href={`${exportBase}.csv`} download>
          Download CSV
        </a>
        <a className={buttonClasses({ variant: "secondary" })} href={`${exportBase}.pdf`} download>
          Download PDF transcript
        </a>
      </div>

      <section aria-labelledby="targets-heading" className="mt-6">
        <h2 id="targets-heading" className="text-lg font-semibold">
          Progress toward hour targets
        </h2>
        {record.targets.length === 0 ? (
          <EmptyState className="mt-2">Your program has not set hour targets yet. An administrator can set them in Settings.</EmptyState>
        ) : (
          <ul className="mt-2 space-y-3">
            {record.targets.map((t, i) => (
              <Card as="li" key={t.category}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <span id={`target-${i}`} className="font-medium">
                    {t.category}
                  </span>
                  <span className="text-sm text-slate-700" data-testid={`target-figures-${i}`}>
                    <strong className="text-slate-900">{formatHours(t.earned)}</strong> of {formatHours(t.target)} hours ({t.percent}%)
                    {t.met && <span className="ml-1 font-semibold text-green-800">— target met</span>}
                  </span>
                </div>
                <div
                  role="progressbar"
                  aria-labelledby={`target-${i}`}
                  aria-valuemin={0}
                  aria-valuemax={t.target}
                  aria-valuenow={Math.min(t.earned, t.target)}
                  aria-valuetext={`${formatHours(t.earned)} of ${formatHours(t.target)} hours`}
                  className="mt-2 h-3 w-full overflow-hidden rounded-full border border-slate-400 bg-slate-100"
                >
                  <div className="h-full rounded-full bg-brand-600" style={{ width: `${t.percent}%` }} />
                </div>
              </Card>
            ))}
          </ul>
        )}
        {untargeted.length > 0 && (
          <p className="mt-3 text-sm text-slate-700">
            Also credited (no target set): {untargeted.map((t) => `${t.category}: ${formatHours(t.hours)} hours`).join("; ")}.
          </p>
        )}
        <p className="mt-3 font-medium" data-testid="total-hours">
          Total credited: {formatHours(record.totalHours)} hours
        </p>
      </section>

      <section aria-labelledby="entries-heading" className="mt-8">
        <h2 id="entries-heading" className="text-lg font-semibold">
          Completed modules
        </h2>
        {record.entries.length === 0 ? (
          <EmptyState className="mt-2">{emptyText}</EmptyState>
        ) : (
          <>
            {/* phones: one card per module; wider screens: a table */}
            <ul className="mt-2 space-y-3 sm:hidden">
              {record.entries.map((e) => (
                <Card as="li" key={e.certificateId} className="text-sm">
                  <p className="font-semibold">
                    {e.moduleTitle} <span className="font-normal text-slate-600">(v{e.moduleVersion})</span>
                  </p>
                  <p className="text-slate-700">
                    Completed {formatCertificateDate(e.completedAt)} · {e.cohortName}
                  </p>
                  <p className="mt-1">
                    <Hours entry={e} /> · {e.hoursCategory}
                  </p>
                  <p className="mt-1">
                    <CertificateCell entry={e} href={certificateHref(e)} />
                  </p>
                </Card>
              ))}
            </ul>
            <div className="mt-2 hidden sm:block">
              <Table caption="Completed modules with date, hours and category" columns={entryColumns}>
                {record.entries.map((e) => (
                  <Tr key={e.certificateId} className={e.revokedAt ? "text-slate-600" : undefined} data-testid={`record-row-${e.code}`}>
                    <Td className="whitespace-nowrap">{formatCertificateDate(e.completedAt)}</Td>
                    <Td>
                      {e.moduleTitle} <span className="text-slate-600">(v{e.moduleVersion})</span>
                      <div className="text-xs text-slate-600">{e.cohortName}</div>
                    </Td>
                    <Td numeric>
                      <Hours entry={e} bare />
                    </Td>
                    <Td>{e.hoursCategory}</Td>
                    <Td>
                      <CertificateCell entry={e} href={certificateHref(e)} />
                    </Td>
                  </Tr>
                ))}
              </Table>
            </div>
          </>
        )}
      </section>
    </>
  );
}

type Entry = TrainingRecord["entries"][number];

function Hours({ entry, bare = false }: { entry: Entry; bare?: boolean }) {
  const text = `${formatHours(entry.contactHours)}${bare ? "" : " hours"}`;
  if (!entry.revokedAt) return <>{text}</>;
  return (
    <>
      <s>{text}</s>
      <span className="sr-only"> (revoked, not counted)</span>
    </>
  );
}

function CertificateCell({ entry, href }: { entry: Entry; href: string | null }) {
  return (
    <>
      {href ? (
        <Link className="link" href={href}>
          View<span className="sr-only"> certificate {entry.code}</span>
        </Link>
      ) : (
        <code className="font-mono text-xs">{entry.code}</code>
      )}
      {entry.revokedAt && (
        <Badge tone="danger" size="sm" className="ml-2">
          Revoked {formatCertificateDate(entry.revokedAt)}
        </Badge>
      )}
    </>
  );
}
