import type { ReflectionStatus } from "./drafts";

/** What a learner waits for when their reflections must be accepted: prompt numbers (1-based) by state. */
export type AwaitingReview = { waiting: number[]; revise: number[]; accepted: number[]; notSubmitted: number[] };

/**
 * "Awaiting review", defined once: the assignment's reflections must be
 * accepted, it is not complete, every prompt has been submitted at least
 * once, and not every reflection has been accepted yet. Null otherwise.
 * `statuses` lists each prompt's reflection status in prompt order
 * (null: nothing saved yet).
 */
export function awaitingReview(p: {
  reflectionsMustBeAccepted: boolean;
  completedAt: Date | null;
  statuses: (ReflectionStatus | null)[];
}): AwaitingReview | null {
  if (!p.reflectionsMustBeAccepted || p.completedAt) return null;
  const by = (s: ReflectionStatus) => p.statuses.flatMap((x, i) => (x === s ? [i + 1] : []));
  const notSubmitted = p.statuses.flatMap((x, i) => (x === null || x === "draft" ? [i + 1] : []));
  const a: AwaitingReview = { waiting: by("submitted"), revise: by("revision_requested"), accepted: by("accepted"), notSubmitted };
  if (notSubmitted.length > 0 || a.accepted.length === p.statuses.length) return null;
  return a;
}

const list = (ns: number[]) => (ns.length === 1 ? `${ns[0]}` : `${ns.slice(0, -1).join(", ")} and ${ns[ns.length - 1]}`);
const reflectionsWord = (ns: number[]) => `reflection${ns.length === 1 ? "" : "s"} ${list(ns)}`;

/** One sentence of what is pending, for the learner's pages. */
export function awaitingText(a: AwaitingReview): string {
  const parts: string[] = [];
  if (a.waiting.length)
    parts.push(`${reflectionsWord(a.waiting)} ${a.waiting.length === 1 ? "is" : "are"} waiting for your instructor's review`);
  if (a.revise.length) parts.push(`${reflectionsWord(a.revise)} ${a.revise.length === 1 ? "needs" : "need"} revision (see the feedback)`);
  const sentence = parts.join("; ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}. You finish the assignment, and get your certificate, when your instructor has accepted all of them.`;
}
