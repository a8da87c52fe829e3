import type { ReflectionRubric } from "@/lib/learning/module/content-schema";
import { invalid } from "@/lib/platform/errors";

export type RubricScores = Record<string, number>;

/** The most a rubric can give: 2 points per criterion. */
export const rubricMax = (rubric: ReflectionRubric) => 2 * rubric.criteria.length;

export function rubricTotal(rubric: ReflectionRubric, scores: RubricScores) {
  return rubric.criteria.reduce((sum, c) => sum + (scores[c.id] ?? 0), 0);
}

/**
 * Whether scores meet the rubric's rule for acceptance: every criterion
 * scored, at least `acceptAt` points, and no 0 in a `noZeroIn` criterion.
 * Answers the reasons it is not met, in words the reviewer reads.
 */
export function rubricShortfall(rubric: ReflectionRubric, scores: RubricScores): string[] {
  const reasons: string[] = [];
  const unscored = rubric.criteria.filter((c) => scores[c.id] === undefined);
  if (unscored.length) reasons.push(`Score every criterion (${unscored.map((c) => c.label.toLowerCase()).join(", ")} not scored yet).`);
  const total = rubricTotal(rubric, scores);
  if (total < rubric.acceptAt)
    reasons.push(`A reflection is accepted at ${rubric.acceptAt} of ${rubricMax(rubric)} points; this one has ${total}.`);
  for (const id of rubric.noZeroIn) {
    const c = rubric.criteria.find((x) => x.id === id);
    if (c && scores[id] === 0) reasons.push(`A reflection with 0 in "${c.label}" cannot be accepted.`);
  }
  return reasons;
}

/**
 * Check scores against the rubric: only its criteria, each 0, 1 or 2.
 * Scores are required to accept (and must meet the rule); a revision
 * request may carry them or not, but all or none.
 */
export function checkRubricScores(
  rubric: ReflectionRubric | undefined,
  scores: RubricScores | null | undefined,
  decision: "accepted" | "revision_requested",
): RubricScores | null {
  if (!rubric) {
    if (scores && Object.keys(scores).length) throw invalid("This reflection has no rubric to score against.", { scores: "No rubric." });
    return null;
  }
  const given = scores ?? {};
  for (const [id, v] of Object.entries(given)) {
    if (!rubric.criteria.some((c) => c.id === id)) throw invalid(`There is no rubric criterion "${id}".`, { scores: "Unknown criterion." });
    if (!Number.isInteger(v) || v < 0 || v > 2)
      throw invalid("Each criterion scores 0, 1 or 2.", { scores: "Each criterion scores 0, 1 or 2." });
  }
  const count = Object.keys(given).length;
  if (decision === "revision_requested") {
    if (count === 0) return null;
    if (count < rubric.criteria.length) throw invalid("Score every criterion, or none.", { scores: "Score every criterion, or none." });
    return given;
  }
  const shortfall = rubricShortfall(rubric, given);
  if (shortfall.length)
    throw invalid(`This reflection does not meet the rubric for acceptance. ${shortfall.join(" ")}`, { scores: shortfall[0] }, "rubric");
  return given;
}
