import { describe, expect, it } from "vitest";
import { awaitingReview, awaitingText } from "./awaiting";

describe("awaiting review", () => {
  const base = { reflectionsMustBeAccepted: true, completedAt: null };

  it("applies only when acceptance is required, the work is not complete and every prompt was submitted", () => {
    expect(awaitingReview({ ...base, reflectionsMustBeAccepted: false, statuses: ["submitted", "submitted", "submitted"] })).toBeNull();
    expect(awaitingReview({ ...base, completedAt: new Date(), statuses: ["accepted", "accepted", "submitted"] })).toBeNull();
    expect(awaitingReview({ ...base, statuses: ["submitted", "draft", null] })).toBeNull();
    expect(awaitingReview({ ...base, statuses: ["accepted", "accepted", "accepted"] })).toBeNull();
    expect(awaitingReview({ ...base, statuses: ["accepted", "revision_requested", "submitted"] })).toEqual({
      waiting: [3],
      revise: [2],
      accepted: [1],
      notSubmitted: [],
    });
  });

  it("says which reflections wait and which need revision, without calling the work complete", () => {
    const text = awaitingText({ waiting: [1, 2, 3], revise: [], accepted: [], notSubmitted: [] });
    expect(text).toMatch(/^Reflections 1, 2 and 3 are waiting for your instructor's review\./);
    expect(text).not.toContain("is complete");
    expect(awaitingText({ waiting: [3], revise: [2], accepted: [1], notSubmitted: [] })).toMatch(
      /^Reflection 3 is waiting for your instructor's review; reflection 2 needs revision \(see the feedback\)\./,
    );
  });
});
