"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";

/** Every checkbox of the table that belongs to the bulk form `formId` (their `form` attribute: the table needs no wrapping form). */
const rowBoxes = (formId: string) => Array.from(document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][form="${formId}"]`));

/** The row checkboxes are server-rendered: their state is read from the page; rows come and go when the table re-renders. */
function subscribeToRows(onChange: () => void) {
  document.addEventListener("change", onChange);
  const rows = new MutationObserver(onChange);
  rows.observe(document.body, { childList: true, subtree: true });
  return () => {
    document.removeEventListener("change", onChange);
    rows.disconnect();
  };
}

/**
 * The selection of a bulk bar (the cohort's learners, the admin's People):
 * how many rows are ticked of those on the page, "all matching the filter"
 * (held until the next result, or until a box is unticked), tick or untick
 * the page, and the ticks kept across a refused action: React resets a form
 * after its action and the row checkboxes belong to the form, so `remember`
 * (on submit) notes the ticked rows and a refusal ticks them again, so a
 * correction keeps the selection.
 */
export function useRowSelection<S extends { ok?: boolean } | undefined>(formId: string, state: S) {
  const snapshot = useSyncExternalStore(
    subscribeToRows,
    () => {
      const boxes = rowBoxes(formId);
      return `${boxes.filter((b) => b.checked).length}/${boxes.length}`;
    },
    () => "0/0",
  );
  const [checked, onPage] = snapshot.split("/").map(Number);
  const [matchingFor, setMatchingFor] = useState<{ state: S } | null>(null);
  const matching = matchingFor !== null && matchingFor.state === state && onPage > 0 && checked === onPage;

  const ticked = useRef<string[]>([]);
  useEffect(() => {
    if (!state || state.ok || ticked.current.length === 0) return;
    for (const b of rowBoxes(formId)) b.checked = ticked.current.includes(b.value);
    document.dispatchEvent(new Event("change"));
  }, [state, formId]);

  return {
    checked,
    onPage,
    matching,
    allOnPage: onPage > 0 && checked === onPage,
    selectAllMatching: () => setMatchingFor({ state }),
    tickAll: (on: boolean) => {
      for (const b of rowBoxes(formId)) b.checked = on;
      document.dispatchEvent(new Event("change"));
      if (!on) setMatchingFor(null);
    },
    remember: () => {
      ticked.current = rowBoxes(formId)
        .filter((b) => b.checked)
        .map((b) => b.value);
    },
  };
}
