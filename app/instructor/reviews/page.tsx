import type { Metadata } from "next";
import { buttonClasses } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import Link from "next/link";
import { z } from "zod";
import { AppShell } from "@/app/_components/app-shell";
import { LocalTime } from "@/app/_components/local-time";
import { Pagination } from "@/app/_components/ui/pagination";
import { Table, Td, Tr, type Column } from "@/app/_components/ui/table";
import { page } from "@/app/_edge/page";
import { Button } from "@/app/_components/ui/button";
import { SelectField } from "@/app/_components/ui/field";
import { listReviewFilterOptions, listReviewQueue, reviewFilterOf, reviewFilterQuery } from "@/lib/learning/reviews";

export const metadata: Metadata = { title: "Reflections to review" };

const columns: Column[] = [
  { key: "submitted", label: "Submitted" },
  { key: "learner", label: "Learner" },
  { key: "cohort", label: "Cohort" },
  { key: "prompt", label: "Prompt" },
  { key: "words", label: "Words", numeric: true },
  { key: "open", label: <span className="sr-only">Open</span> },
];

const reviewedMessage: Record<string, string> = {
  accepted: "Accepted. The learner sees your feedback.",
  revision_requested: "Revision requested. The learner sees your feedback and can edit and resubmit.",
};

export default page({ permission: "workspace.instructor" }, async ({ user, query }) => {
  const pageNo = z.coerce.number().int().min(1).max(10_000).catch(1).parse(query.page);
  const filter = reviewFilterOf(query);
  const reviewed = query.reviewed ? reviewedMessage[query.reviewed] : undefined;
  const done =
    reviewed && query.none
      ? `${reviewed} No more reflections are waiting${filter.cohortId || filter.learnerId ? " in this filter" : ""}.`
      : reviewed;
  const [{ rows, total, pageCount }, options] = await Promise.all([
    listReviewQueue({ actor: user, page: pageNo, filter }),
    listReviewFilterOptions({ actor: user, cohortId: filter.cohortId }),
  ]);
  const filtered = Boolean(filter.cohortId || filter.learnerId);
  return (
    <AppShell user={user} wide>
      <h1 className="text-2xl font-bold">Reflections to review</h1>
      <p className="mt-1 text-slate-700">Submitted reflections from all your cohorts, oldest first.</p>
      {done && (
        <p role="status" className="mt-4 rounded-md bg-brand-50 p-3 text-brand-800">
          {done}
        </p>
      )}
      <form className="mt-4 flex flex-wrap items-end gap-3" role="search" aria-label="Filter the queue">
        <SelectField name="cohort" label="Cohort" defaultValue={filter.cohortId ?? ""} width="auto">
          <option value="">All my cohorts</option>
          {options.cohorts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.waiting} waiting)
            </option>
          ))}
        </SelectField>
        <SelectField name="learner" label="Learner" defaultValue={filter.learnerId ?? ""} width="auto">
          <option value="">Every learner</option>
          {options.learners.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name} ({l.waiting})
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {filtered && (
          <Link className="link text-sm" href="/instructor/reviews">
            Clear filters
          </Link>
        )}
      </form>
      <p className="mt-4 text-sm text-slate-700" role="status" data-testid="waiting-count">
        {total} {total === 1 ? "reflection" : "reflections"} waiting{filtered ? " in this filter" : ""}
      </p>
      <div className="mt-2">
        <Table
          caption="Reflections awaiting review"
          columns={columns}
          empty={
            filtered ? (
              <EmptyState
                action={
                  <Link className={buttonClasses({ variant: "secondary" })} href="/instructor/reviews">
                    Clear the filters
                  </Link>
                }
              >
                Nothing waiting in this filter.
              </EmptyState>
            ) : (
              <EmptyState
                action={
                  <Link className={buttonClasses({ variant: "secondary" })} href="/instructor">
                    Back to your cohorts
                  </Link>
                }
              >
                Nothing to review — every submitted reflection has been reviewed. New submissions appear here, and you get a notification
                when one has waited 3 days.
              </EmptyState>
            )
          }
        >
          {rows.map((r) => (
            <Tr key={r.reflectionId} data-testid="review-row">
              <Td>
                <LocalTime value={r.submittedAt} />
              </Td>
              <Td>{r.learnerName}</Td>
              <Td>{r.cohortName}</Td>
              <Td>
                {r.promptNumber ? `${r.promptNumber}. ` : ""}
                {r.prompt.length > 90 ? `${r.prompt.slice(0, 90)}…` : r.prompt}
                {r.previousReviews > 0 && <span className="block text-xs text-slate-600">Resubmitted after a revision request</span>}
              </Td>
              <Td numeric>{r.wordCount}</Td>
              <Td>
                <Link className="link" href={`/instructor/reviews/${r.reflectionId}${reviewFilterQuery(filter)}`}>
                  Review
                  <span className="sr-only">
                    {" "}
                    {r.learnerName}&apos;s reflection {r.promptNumber}
                  </span>
                </Link>
              </Td>
            </Tr>
          ))}
        </Table>
      </div>
      {rows.length > 0 && (
        <Pagination
          page={pageNo}
          pageCount={pageCount}
          href={(p) => `/instructor/reviews${reviewFilterQuery(filter, { page: String(p) })}`}
        />
      )}
    </AppShell>
  );
});
