"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { PublicQuestion } from "@/lib/learning/quiz/public";
import { Button } from "@/app/_components/ui/button";
import { cardClasses } from "@/app/_components/ui/card";
import { cx } from "@/app/_components/ui/cx";

type Answers = Record<string, string[]>;

const storageKey = (attemptId: string) => `cohort:quiz:${attemptId}`;

function readStored(attemptId: string): Answers {
  try {
    return JSON.parse(localStorage.getItem(storageKey(attemptId)) ?? "{}") as Answers;
  } catch {
    return {};
  }
}

/**
 * The open attempt: only prompts and options (no answer key ever reaches the
 * browser before submission). Choices are kept in this device's storage, so
 * a reload, a refused submit or a lost connection loses nothing.
 */
export function QuizForm({ attemptId, questions, disabled }: { attemptId: string; questions: PublicQuestion[]; disabled: boolean }) {
  const router = useRouter();
  const [answers, setAnswers] = useState<Answers>({});
  const [restored, setRestored] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; missing?: string[] } | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // restore choices made before a reload; runs after hydration so server and client render alike
    const stored = readStored(attemptId);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one-time read of browser storage after hydration
    setAnswers(stored);
    setRestored(true);
  }, [attemptId]);

  useEffect(() => {
    if (restored) localStorage.setItem(storageKey(attemptId), JSON.stringify(answers));
  }, [answers, attemptId, restored]);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const answered = questions.filter((q) => answers[q.itemId]?.length).length;

  function choose(q: PublicQuestion, optionId: string, checked: boolean) {
    setAnswers((prev) => {
      const current = prev[q.itemId] ?? [];
      const next = q.kind === "multiple" ? (checked ? [...current, optionId] : current.filter((id) => id !== optionId)) : [optionId];
      return { ...prev, [q.itemId]: next };
    });
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const missing = questions.filter((q) => !answers[q.itemId]?.length).map((q) => q.itemId);
    if (missing.length) {
      setError({ message: "Answer every question before you submit. Your answers so far are kept.", missing });
      return;
    }
    setPending(true);
    setError(null);
    try {
      const res = await fetch(`/api/quiz/attempts/${attemptId}/submit`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ answers }),
      });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) {
        setError({
          message: body.message ?? "Your answers could not be submitted. They are kept here; please try again.",
          missing: body.missing,
        });
        setPending(false);
        return;
      }
      localStorage.removeItem(storageKey(attemptId));
      router.push(body.resultUrl);
      router.refresh();
    } catch {
      setError({ message: "You seem to be offline. Your answers are kept on this device; submit again when you are back online." });
      setPending(false);
    }
  }

  const number = new Map(questions.map((q, i) => [q.itemId, i + 1]));

  return (
    <form onSubmit={submit} noValidate aria-describedby="quiz-progress">
      <p id="quiz-progress" className="sticky top-0 z-10 -mx-4 border-b border-slate-200 bg-slate-50/95 px-4 py-2 text-sm font-medium">
        {answered} of {questions.length} answered
      </p>
      <ol className="mt-4 space-y-6">
        {questions.map((q, i) => {
          const multiple = q.kind === "multiple";
          const missing = error?.missing?.includes(q.itemId) && !answers[q.itemId]?.length;
          return (
            <li
              key={q.itemId}
              id={`q-${q.itemId}`}
              className={cx(cardClasses, "scroll-mt-14", missing && "border-red-600 ring-1 ring-red-600")}
            >
              <fieldset aria-describedby={missing ? `q-${q.itemId}-missing` : undefined}>
                <legend className="text-base font-semibold">
                  <span className="block text-sm font-medium text-slate-700">
                    Question {i + 1} of {questions.length}
                    {multiple && " · choose all that apply"}
                  </span>
                  {q.scenario && <span className="mt-2 block font-normal italic text-slate-800">{q.scenario}</span>}
                  <span className="mt-2 block">{q.prompt}</span>
                </legend>
                {missing && (
                  <p id={`q-${q.itemId}-missing`} className="field-error">
                    Not answered yet.
                  </p>
                )}
                <div className="mt-3 space-y-2">
                  {q.options.map((o) => {
                    const id = `q-${q.itemId}-${o.id}`;
                    const checked = answers[q.itemId]?.includes(o.id) ?? false;
                    return (
                      <label
                        key={o.id}
                        htmlFor={id}
                        className={`flex cursor-pointer items-start gap-3 rounded-md border p-3 text-base leading-7 ${checked ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white hover:bg-slate-50"}`}
                      >
                        <input
                          id={id}
                          type={multiple ? "checkbox" : "radio"}
                          name={q.itemId}
                          value={o.id}
                          checked={checked}
                          disabled={disabled || pending}
                          onChange={(e) => choose(q, o.id, e.target.checked)}
                          className="mt-1.5 h-4 w-4 shrink-0 accent-brand-700"
                        />
                        <span>{o.text}</span>
                      </label>
                    );
                  })}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="mt-6 space-y-3">
        {error && (
          <div ref={errorRef} tabIndex={-1} role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
            <p>{error.message}</p>
            {error.missing && error.missing.length > 0 && (
              <p className="mt-1">
                Still to answer:{" "}
                {error.missing.map((id, k) => (
                  <span key={id}>
                    {k > 0 && ", "}
                    <a href={`#q-${id}`} className="link">
                      question {number.get(id)}
                    </a>
                  </span>
                ))}
              </p>
            )}
          </div>
        )}
        <Button type="submit" className="w-full sm:w-auto" disabled={disabled} pending={pending} pendingLabel="Submitting…">
          Submit answers
        </Button>
      </div>
    </form>
  );
}
