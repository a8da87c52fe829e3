"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { LocalTime } from "@/app/_components/local-time";
import { countWords } from "@/lib/learning/reflections/words";
import { Button } from "@/app/_components/ui/button";
import { cx } from "@/app/_components/ui/cx";
import { controlClasses } from "@/app/_components/ui/field";

type Status = "draft" | "submitted" | "revision_requested" | "accepted";
type Snapshot = { body: string; version: number; status: Status; submittedAt: string | Date | null };
type SaveState = "idle" | "unsaved" | "saving" | "saved" | "offline" | "retrying" | "conflict" | "signed_out";

/** What this device keeps of a draft until the server has it. */
type Local = { body: string; base: number };

const SAVE_DELAY_MS = 1000;
const RETRY_MS = 5000;

const stateText: Record<SaveState, string> = {
  idle: "",
  unsaved: "Unsaved changes",
  saving: "Saving…",
  saved: "Saved",
  offline: "Offline — will retry",
  retrying: "Not saved yet — will retry",
  conflict: "Not saved: a newer version exists",
  signed_out: "Not saved: your session ended",
};

/**
 * One reflection: autosaved while typing (debounced), each save naming the
 * version it edits. The text is also kept on this device until the server
 * confirms it, so a reload, a closed tab or a lost connection loses nothing;
 * a stale tab is told, keeps its text, and chooses what to keep.
 */
export function ReflectionEditor({
  progressId,
  promptId,
  number,
  minWords,
  initial,
  editable,
  reviewedAt = null,
}: {
  progressId: string;
  promptId: string;
  number: number;
  minWords: number;
  initial: Snapshot;
  /** the assignment is open for work */
  editable: boolean;
  /** when the instructor's latest review was made: an accepted reflection is dated by its acceptance */
  reviewedAt?: string | Date | null;
}) {
  const router = useRouter();
  const url = `/api/reflections/${progressId}/${promptId}`;
  const key = `cohort:reflection:${progressId}:${promptId}`;
  const [text, setText] = useState(initial.body);
  const [status, setStatus] = useState<Status>(initial.status);
  const [submittedAt, setSubmittedAt] = useState(initial.submittedAt);
  const [saveState, setSaveState] = useState<SaveState>("idle");
  const [conflict, setConflict] = useState<Snapshot | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const textRef = useRef(initial.body);
  const baseRef = useRef(initial.version);
  const savedBodyRef = useRef(initial.body);
  /** the autosave on its way to the server, if any: a submit waits for it, so it names the version that save makes */
  const inFlight = useRef<Promise<void> | null>(null);
  const submittingRef = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const conflictRef = useRef(false);

  const locked = status === "submitted" || status === "accepted";
  const canEdit = editable && !locked;
  const words = countWords(text);
  const ids = { text: `reflection-${promptId}`, count: `reflection-${promptId}-count`, state: `reflection-${promptId}-state` };

  const keepLocally = useCallback(
    (body: string) => {
      try {
        if (body === savedBodyRef.current) localStorage.removeItem(key);
        else localStorage.setItem(key, JSON.stringify({ body, base: baseRef.current } satisfies Local));
      } catch {
        /* storage full or disabled: the server copy still works */
      }
    },
    [key],
  );

  // retries call the latest save through a ref (a callback cannot name itself)
  const saveRef = useRef<() => void>(() => {});
  const schedule = useCallback((ms: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => saveRef.current(), ms);
  }, []);

  const save = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current || conflictRef.current || submittingRef.current) return;
    const body = textRef.current;
    if (body === savedBodyRef.current) {
      setSaveState((s) => (s === "idle" ? s : "saved"));
      return;
    }
    setSaveState("saving");
    let retry = false;
    let done = () => {};
    inFlight.current = new Promise<void>((resolve) => (done = resolve));
    try {
      const res = await fetch(url, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ body, version: baseRef.current }),
      });
      const data = await res.json().catch(() => ({}));
      // a "conflict" with the very text we sent (say, our own save from before a reload) is no conflict
      const same = res.status === 409 && data.error === "conflict" && data.current?.body === body;
      if (res.ok || same) {
        baseRef.current = res.ok ? data.version : data.current.version;
        savedBodyRef.current = body;
        keepLocally(textRef.current);
        setSaveState(textRef.current === body ? "saved" : "unsaved");
        if (textRef.current !== body) retry = true;
      } else if (res.status === 409 && (data.error === "conflict" || data.error === "locked")) {
        conflictRef.current = true;
        setConflict(data.current);
        setSaveState("conflict");
      } else if (res.status === 401) {
        setSaveState("signed_out");
      } else {
        setSaveState("retrying");
        schedule(RETRY_MS);
      }
    } catch {
      setSaveState("offline");
      schedule(RETRY_MS);
    } finally {
      inFlight.current = null;
      done();
    }
    // a submit under way sends the latest text itself
    if (retry && !submittingRef.current) schedule(0);
  }, [url, keepLocally, schedule]);

  useEffect(() => {
    saveRef.current = () => void save();
  }, [save]);

  // After hydration: bring back text this device kept but the server never got.
  useEffect(() => {
    let local: Local | null = null;
    try {
      local = JSON.parse(localStorage.getItem(key) ?? "null") as Local | null;
    } catch {
      local = null;
    }
    if (!local || local.body === initial.body) {
      localStorage.removeItem(key);
      return;
    }
    if (initial.status === "submitted" || initial.status === "accepted") {
      localStorage.removeItem(key);
      return;
    }
    textRef.current = local.body;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- one-time restore from browser storage after hydration
    setText(local.body);
    if (local.base === initial.version) {
      setSaveState("unsaved");
      void save();
    } else {
      conflictRef.current = true;
      setConflict(initial);
      setSaveState("conflict");
    }
    // only on mount: later changes come through onChange
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const online = () => void save();
    // last chance before the tab goes away; the device copy covers a failure
    const leaving = () => {
      if (textRef.current === savedBodyRef.current || conflictRef.current) return;
      void fetch(url, {
        method: "PUT",
        keepalive: true,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ body: textRef.current, version: baseRef.current }),
      }).catch(() => {});
    };
    window.addEventListener("online", online);
    window.addEventListener("pagehide", leaving);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("pagehide", leaving);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [save, url]);

  function onChange(value: string) {
    setText(value);
    textRef.current = value;
    setMessage(null);
    keepLocally(value);
    if (conflictRef.current) return;
    setSaveState((s) => (s === "offline" ? s : "unsaved"));
    schedule(SAVE_DELAY_MS);
  }

  function loadNewer() {
    if (!conflict) return;
    conflictRef.current = false;
    baseRef.current = conflict.version;
    savedBodyRef.current = conflict.body;
    textRef.current = conflict.body;
    setText(conflict.body);
    setStatus(conflict.status);
    setSubmittedAt(conflict.submittedAt);
    setConflict(null);
    localStorage.removeItem(key);
    setSaveState("saved");
  }

  function keepMine() {
    if (!conflict) return;
    if (conflict.status === "submitted" || conflict.status === "accepted") return;
    conflictRef.current = false;
    baseRef.current = conflict.version;
    savedBodyRef.current = conflict.body;
    setConflict(null);
    keepLocally(textRef.current);
    void save();
  }

  async function submit() {
    setMessage(null);
    if (words < minWords) {
      const missing = minWords - words;
      setMessage(
        `You have ${words} word${words === 1 ? "" : "s"}. Write at least ${missing} more (${minWords} in all) before you submit. Your draft is saved as you type.`,
      );
      return;
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    submittingRef.current = true;
    setSubmitting(true);
    try {
      // An autosave already on its way lands first: the submit then names the version it made, instead of
      // racing it (the server would refuse one of the two as stale and the learner would see a conflict).
      while (inFlight.current) await inFlight.current;
      if (conflictRef.current) return;
      const send = (version: number) =>
        fetch(`${url}/submit`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ body: textRef.current, version }),
        });
      let res = await send(baseRef.current);
      let data = await res.json().catch(() => ({}));
      if (res.status === 409 && data.error === "conflict" && data.current?.body === textRef.current) {
        // the server already has exactly this text under a newer version: submit that
        res = await send(data.current.version);
        data = await res.json().catch(() => ({}));
      }
      if (res.ok) {
        baseRef.current = data.version;
        savedBodyRef.current = data.body;
        localStorage.removeItem(key);
        setStatus(data.status);
        setSubmittedAt(data.submittedAt);
        setSaveState("idle");
        router.refresh();
      } else if (res.status === 409 && (data.error === "conflict" || data.error === "locked")) {
        conflictRef.current = true;
        setConflict(data.current);
        setSaveState("conflict");
      } else {
        setMessage(data.message ?? "Your reflection could not be submitted. Your text is kept; please try again.");
      }
    } catch {
      setMessage("You seem to be offline. Your text is kept on this device; submit again when you are back online.");
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  }

  if (locked && !conflict) {
    const statusAt = status === "accepted" ? (reviewedAt ?? submittedAt) : submittedAt;
    return (
      <div>
        <p className="text-sm font-semibold text-green-800" data-testid={`reflection-${number}-status`}>
          {status === "accepted" ? "Accepted by your instructor" : "Submitted"}
          {statusAt && (
            <span className="font-normal text-slate-700">
              {" "}
              · <LocalTime value={statusAt} />
            </span>
          )}
          {status === "submitted" && <span className="font-normal text-slate-700"> · waiting for your instructor&apos;s review</span>}
        </p>
        <div className="mt-2 whitespace-pre-wrap rounded-md border border-slate-200 bg-slate-50 p-3 leading-7">{text}</div>
      </div>
    );
  }

  return (
    <div>
      <label htmlFor={ids.text} className="label">
        Your reflection {number}
      </label>
      <textarea
        id={ids.text}
        className={cx(controlClasses, "w-full min-h-56 leading-7")}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        readOnly={!canEdit || submitting}
        aria-describedby={`${ids.count} ${ids.state}`}
        spellCheck
      />
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-sm">
        <p id={ids.count} className={words >= minWords ? "text-green-800" : "text-slate-700"}>
          {words} word{words === 1 ? "" : "s"} · at least {minWords}
        </p>
        <p id={ids.state} role="status" className="font-medium text-slate-700" data-testid={`reflection-${number}-save`}>
          {stateText[saveState]}
        </p>
      </div>

      {conflict && (
        <div className="mt-3 rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-950" role="alert">
          <p className="font-semibold">
            {conflict.status === "submitted" || conflict.status === "accepted"
              ? "This reflection was submitted from another tab or device. The text here was not saved."
              : "This reflection was changed in another tab or device. The text here has not been saved."}
          </p>
          <details className="mt-2">
            <summary className="cursor-pointer underline">Show the newer text</summary>
            <p className="mt-2 whitespace-pre-wrap rounded border border-amber-200 bg-white p-2">{conflict.body || "(empty)"}</p>
          </details>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button variant="secondary" onClick={loadNewer}>
              Load the newer version
            </Button>
            {conflict.status !== "submitted" && conflict.status !== "accepted" && (
              <Button onClick={keepMine}>Keep my text and overwrite</Button>
            )}
          </div>
        </div>
      )}

      {message && (
        <p className="mt-3 rounded-md border border-red-300 bg-red-50 p-3 text-red-900" role="alert">
          {message}
        </p>
      )}

      {canEdit && (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <Button onClick={submit} disabled={submitting || Boolean(conflict)}>
            {submitting ? "Submitting…" : `Submit reflection ${number}`}
          </Button>
          <span className="text-sm text-slate-700">Once submitted, it is locked unless your instructor asks for a revision.</span>
        </div>
      )}
    </div>
  );
}
