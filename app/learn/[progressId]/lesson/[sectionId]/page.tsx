import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { page } from "@/app/_edge/page";
import { getLearnerAssignment } from "@/lib/learning/page-data";
import { notFound } from "@/lib/platform/errors";
import { AssignmentHeader } from "../../../_components/assignment-header";
import { ProgressBar } from "../../../_components/progress-bar";
import { MarkReadForm } from "./mark-read-form";
import { buttonClasses } from "@/app/_components/ui/button";

export const metadata: Metadata = { title: "Lesson" };

export default page<{ progressId: string; sectionId: string }>(
  { permission: "workspace.learner" },
  async ({ user, params: { progressId, sectionId } }) => {
    const a = await getLearnerAssignment({ learner: user, progressId });
    const sections = a.version.content.sections;
    const index = sections.findIndex((s) => s.id === sectionId);
    if (index < 0) throw notFound();
    const section = sections[index];
    const prev = sections[index - 1];
    const next = sections[index + 1];
    const base = `/learn/${progressId}`;
    const read = a.readSectionIds.has(section.id);
    const readCount = sections.filter((s) => a.readSectionIds.has(s.id)).length;

    return (
      <AppShell user={user}>
        <AssignmentHeader progressId={progressId} assignment={a} here="Lesson" title={section.title} />
        <p className="-mt-4 mb-6 text-sm text-slate-700">
          Section {index + 1} of {sections.length}
          {read && " · read"} ·{" "}
          <a href="#contents" className="link">
            All sections
          </a>
        </p>
        <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_16rem]">
          <article className="min-w-0">
            <div className="max-w-prose space-y-5 text-lg leading-8 text-slate-900">
              {section.paragraphs.map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </div>
            <section aria-labelledby="key-points" className="mt-8 max-w-prose rounded-lg border-l-4 border-brand-600 bg-brand-50 p-5">
              <h2 id="key-points" className="text-lg font-bold text-brand-800">
                Key points
              </h2>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-lg leading-8">
                {section.keyPoints.map((k, i) => (
                  <li key={i}>{k}</li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="scenario" className="mt-8 max-w-prose rounded-lg border border-slate-300 bg-white p-5">
              <h2 id="scenario" className="text-lg font-bold">
                Scenario: {section.scenario.title}
              </h2>
              <p className="mt-2 text-lg leading-8">{section.scenario.text}</p>
              <p className="mt-3 text-lg font-semibold leading-8">Think about it: {section.scenario.question}</p>
            </section>

            <nav
              aria-label="Previous and next section"
              className="mt-10 flex max-w-prose flex-col-reverse gap-3 border-t border-slate-200 pt-6 sm:flex-row sm:items-start sm:justify-between"
            >
              {prev ? (
                <Link href={`${base}/lesson/${prev.id}`} className={buttonClasses({ variant: "secondary" })} rel="prev">
                  ← Previous<span className="sr-only">: {prev.title}</span>
                </Link>
              ) : (
                <span />
              )}
              {a.window === "open" ? (
                <MarkReadForm
                  progressId={progressId}
                  sectionId={section.id}
                  nextSectionId={next?.id ?? null}
                  label={
                    next ? (read ? "Next section →" : "Mark as read and continue →") : read ? "Go to the quiz →" : "Finish the lesson →"
                  }
                />
              ) : next ? (
                <Link href={`${base}/lesson/${next.id}`} className={buttonClasses()} rel="next">
                  Next section →
                </Link>
              ) : null}
            </nav>
          </article>

          <aside id="contents" aria-labelledby="contents-title" className="lg:sticky lg:top-4 lg:self-start">
            <h2 id="contents-title" className="text-base font-bold">
              Lesson sections
            </h2>
            <p className="mt-1 text-sm text-slate-700">
              {readCount} of {sections.length} read
            </p>
            <ProgressBar value={readCount} max={sections.length} />
            <nav aria-label="Lesson sections" className="mt-3">
              <ol className="space-y-1">
                {sections.map((s, i) => {
                  const done = a.readSectionIds.has(s.id);
                  const current = s.id === section.id;
                  return (
                    <li key={s.id}>
                      <Link
                        href={`${base}/lesson/${s.id}`}
                        aria-current={current ? "page" : undefined}
                        className={`flex gap-2 rounded px-2 py-1.5 text-sm ${current ? "bg-brand-100 font-semibold text-brand-800" : "text-slate-800 hover:bg-slate-100"}`}
                      >
                        <span aria-hidden="true" className="w-4 shrink-0 text-green-800">
                          {done ? "✓" : ""}
                        </span>
                        <span>
                          {i + 1}. {s.title}
                          {done && <span className="sr-only"> (read)</span>}
                        </span>
                      </Link>
                    </li>
                  );
                })}
              </ol>
            </nav>
            <p className="mt-4 text-sm">
              <Link href={`${base}/quiz`} className="link">
                Go to the quiz
              </Link>
            </p>
          </aside>
        </div>
      </AppShell>
    );
  },
);
