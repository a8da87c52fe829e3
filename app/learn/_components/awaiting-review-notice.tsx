import type { AwaitingReview } from "@/lib/learning/reflections/awaiting";
import { awaitingText } from "@/lib/learning/reflections/awaiting";

const names = (list: string[]) => (list.length <= 1 ? (list[0] ?? "") : `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`);

/**
 * "Awaiting review", explained: what is pending, who reviews, what happens
 * next and that the learner hears about it, so waiting does not look like
 * something is broken.
 */
export function AwaitingReviewNotice({ awaiting, reviewerNames }: { awaiting: AwaitingReview; reviewerNames: string[] }) {
  const who = reviewerNames.length ? `your instructor${reviewerNames.length === 1 ? "" : "s"}, ${names(reviewerNames)}` : "your instructor";
  return (
    <section
      aria-labelledby="awaiting-heading"
      className="mt-4 max-w-prose rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950"
      data-testid="awaiting-review-detail"
    >
      <h2 id="awaiting-heading" className="font-semibold">
        Awaiting review
      </h2>
      <p className="mt-1">{awaitingText(awaiting)}</p>
      <p className="mt-2 text-sm" data-testid="awaiting-review-next">
        <strong>What happens next:</strong> {who} {reviewerNames.length > 1 ? "read" : "reads"} each reflection and either accepts it or
        asks for a revision with feedback. You are notified either way. When every reflection is accepted, the assignment is complete and
        your certificate is issued.{" "}
        {awaiting.revise.length
          ? "Meanwhile, revise the reflections marked for revision and submit them again."
          : "There is nothing else you need to do now."}
      </p>
    </section>
  );
}
