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
import { listReviewQueue } from "@/lib/learning/reviews";

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
  const done = query.reviewed ? reviewedMessage[query.reviewed] : undefined;
  const { rows, total, pageCount } = await listReviewQueue({ actor: user, page: pageNo });
  return (
    <AppShell user={user} wide>
      <h1 className="text-2xl font-bold">Reflections to review</h1>
      <p className="mt-1 text-slate-700">Submitted reflections from all your cohorts, oldest first.</p>
      {done && (
        <p role="status" className="mt-4 rounded-md bg-brand-50 p-3 text-brand-800">
          {done}
        </p>
      )}
      {rows.length > 0 && <p className="mt-4 text-sm text-slate-700">{total} waiting</p>}
      <div className={rows.length > 0 ? "mt-2" : "mt-6"}>
        <Table
          caption="Reflections awaiting review"
          columns={columns}
          empty={
            <EmptyState
              action={
                <Link className={buttonClasses({ variant: "secondary" })} href="/instructor">
                  Back to your cohorts
                </Link>
              }
            >
              Nothing to review — every submitted reflection has been reviewed. New submissions appear here, and you get a notification when
              one has waited 3 days.
            </EmptyState>
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
                <Link className="link" href={`/instructor/reviews/${r.reflectionId}`}>
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
      {rows.length > 0 && <Pagination page={pageNo} pageCount={pageCount} href={(p) => `/instructor/reviews?page=${p}`} />}
    </AppShell>
  );
});
