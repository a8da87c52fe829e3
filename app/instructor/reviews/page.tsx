import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AppShell } from "@/app/_components/app-shell";
import { LocalTime } from "@/app/_components/local-time";
import { page } from "@/app/_edge/page";
import { listReviewQueue } from "@/lib/learning/reviews";

export const metadata: Metadata = { title: "Reflections to review" };

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
      {rows.length === 0 ? (
        <p className="card mt-6">Nothing to review — every submitted reflection has been reviewed. New submissions appear here.</p>
      ) : (
        <>
          <p className="mt-4 text-sm text-slate-700">{total} waiting</p>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full border-collapse bg-white text-sm">
              <caption className="sr-only">Reflections awaiting review</caption>
              <thead>
                <tr className="border-b text-left">
                  <th scope="col" className="p-2">
                    Submitted
                  </th>
                  <th scope="col" className="p-2">
                    Learner
                  </th>
                  <th scope="col" className="p-2">
                    Cohort
                  </th>
                  <th scope="col" className="p-2">
                    Prompt
                  </th>
                  <th scope="col" className="p-2 text-right">
                    Words
                  </th>
                  <th scope="col" className="p-2">
                    <span className="sr-only">Open</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.reflectionId} className="border-b align-top" data-testid="review-row">
                    <td className="p-2">
                      <LocalTime value={r.submittedAt} />
                    </td>
                    <td className="p-2">{r.learnerName}</td>
                    <td className="p-2">{r.cohortName}</td>
                    <td className="p-2">
                      {r.promptNumber ? `${r.promptNumber}. ` : ""}
                      {r.prompt.length > 90 ? `${r.prompt.slice(0, 90)}…` : r.prompt}
                      {r.previousReviews > 0 && <span className="block text-xs text-slate-600">Resubmitted after a revision request</span>}
                    </td>
                    <td className="p-2 text-right">{r.wordCount}</td>
                    <td className="p-2">
                      <Link className="link" href={`/instructor/reviews/${r.reflectionId}`}>
                        Review
                        <span className="sr-only">
                          {" "}
                          {r.learnerName}&apos;s reflection {r.promptNumber}
                        </span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pageCount > 1 && (
            <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm">
              {pageNo > 1 && (
                <Link className="link" href={`/instructor/reviews?page=${pageNo - 1}`}>
                  Previous page
                </Link>
              )}
              <span>
                Page {pageNo} of {pageCount}
              </span>
              {pageNo < pageCount && (
                <Link className="link" href={`/instructor/reviews?page=${pageNo + 1}`}>
                  Next page
                </Link>
              )}
            </nav>
          )}
        </>
      )}
    </AppShell>
  );
});
