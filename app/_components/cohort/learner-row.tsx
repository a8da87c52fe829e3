import Link from "next/link";
import { LocalTime } from "@/app/_components/local-time";
import { StatusBadge } from "@/app/_components/status-badge";
import { Td, Tr } from "@/app/_components/ui/table";
import { formatPercent } from "@/lib/platform/format";
import type { LearnerRow } from "@/lib/reports/cohort-progress";
import { BULK_FORM_ID } from "./learner-bulk-bar";
import { LearnerProgressBar } from "./learner-progress-bar";
import { SetPasswordLinkButton } from "./set-password-link-button";

export const REFLECTION_PROMPTS = 3;

/**
 * One learner of the cohort table. Its cells follow the table's columns
 * (progress-view.tsx): a column added there gets its cell here.
 */
export function LearnerTableRow({
  r,
  cohortId,
  href,
  manage,
  selectable,
}: {
  r: LearnerRow;
  cohortId: string;
  /** the learner's record (the instructor's learner page, the admin's person page), or none */
  href: string | null;
  /** instructors: set-password links */
  manage: boolean;
  /** a checkbox for the bulk actions (learner-bulk-bar.tsx) */
  selectable: boolean;
}) {
  return (
    <Tr data-testid={`learner-row-${r.email}`}>
      {selectable && (
        <Td>
          <input type="checkbox" name="learnerId" value={r.userId} form={BULK_FORM_ID} aria-label={`Select ${r.name}`} />
        </Td>
      )}
      <Td>
        {href ? (
          <Link className="link" href={href}>
            {r.name}
          </Link>
        ) : (
          r.name
        )}
        {!r.hasPassword && (
          <div className="mt-1 text-xs text-slate-600">
            No password yet
            {manage && <SetPasswordLinkButton cohortId={cohortId} learnerId={r.userId} name={r.name} />}
          </div>
        )}
      </Td>
      <Td>{r.email}</Td>
      <Td>
        <StatusBadge status={r.status} compact />
        {r.byPriorCompletion && <div className="mt-1 text-xs text-slate-600">By prior completion</div>}
        {r.extended && r.dueAt && (
          <div className="mt-1 text-xs whitespace-nowrap text-slate-700" data-testid="extended-due">
            Due <LocalTime value={r.dueAt} /> (extended)
          </div>
        )}
      </Td>
      {r.byPriorCompletion ? (
        // credited by a completion in another cohort: the work was done there, so this cohort's own counters are
        // empty; zeros and empty bars beside "Complete" would read as a contradiction
        <>
          <Td>
            <span className="text-xs text-slate-700" data-testid="learner-progress-credited">
              Done in another cohort
            </span>
          </Td>
          {[0, 1, 2].map((i) => (
            <Td key={i} numeric>
              <span aria-hidden="true">–</span>
              <span className="sr-only">not taken in this cohort</span>
            </Td>
          ))}
        </>
      ) : (
        <>
          <Td>{r.progressId && <LearnerProgressBar progress={{ ...r, complete: r.completedAt !== null }} />}</Td>
          <Td numeric>{formatPercent(r.bestScore)}</Td>
          <Td numeric>{r.attempts}</Td>
          <Td numeric>
            {r.reflections}/{REFLECTION_PROMPTS}
          </Td>
        </>
      )}
      <Td className="whitespace-nowrap">
        <LocalTime value={r.lastActivityAt} />
      </Td>
    </Tr>
  );
}
