import { cx } from "@/app/_components/ui/cx";

export type LearnerProgress = {
  sectionsRead: number;
  sectionsTotal: number;
  quizPassed: boolean;
  reflections: number;
  reflectionsTotal: number;
  complete: boolean;
};

/** How much of each part is done, 0–1. */
function parts(p: LearnerProgress) {
  const share = (n: number, d: number) => (d > 0 ? Math.min(1, n / d) : 0);
  return [
    {
      key: "reading",
      label: "Reading",
      done: share(p.sectionsRead, p.sectionsTotal),
      text: `${p.sectionsRead} of ${p.sectionsTotal} sections read`,
    },
    { key: "quiz", label: "Quiz", done: p.quizPassed ? 1 : 0, text: p.quizPassed ? "quiz passed" : "quiz not passed" },
    {
      key: "reflections",
      label: "Reflections",
      done: share(p.reflections, p.reflectionsTotal),
      text: `${p.reflections} of ${p.reflectionsTotal} reflections submitted`,
    },
  ];
}

/**
 * A learner's way through the module as three short bars (reading, quiz,
 * reflections), with the same in words for screen readers and on hover.
 * Plain data in, no database: the cohort table passes its row.
 */
export function LearnerProgressBar({ progress }: { progress: LearnerProgress }) {
  const ps = parts(progress);
  const words = `${ps.map((p) => p.text).join(", ")}${progress.complete ? ", complete" : ""}`;
  return (
    <div className="flex min-w-32 items-center gap-1" title={words} data-testid="learner-progress">
      <span className="sr-only">{words}</span>
      {ps.map((p) => (
        <span key={p.key} aria-hidden="true" className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200" data-part={p.key}>
          <span
            className={cx("block h-full rounded-full", progress.complete ? "bg-emerald-600" : "bg-brand-600")}
            style={{ width: `${Math.round(p.done * 100)}%` }}
          />
        </span>
      ))}
    </div>
  );
}
