"use client";

import { useRef, useState } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { controlClasses, FileField, labelClasses } from "@/app/_components/ui/field";
import { Table, Td, Tr, type Column } from "@/app/_components/ui/table";
import type { ClassifiedRow, ImportedLink, RosterOutcome } from "@/lib/cohorts/roster-import";
import { ROSTER_MAX_BYTES, ROSTER_MAX_LABEL, ROSTER_TOO_LARGE } from "@/lib/cohorts/roster-limits";
import { importRosterChunkAction, previewRosterAction } from "./actions";

/** Rows per server call: the bar moves after each one (the server accepts up to twice this). */
const CHUNK = 200;

type Preview = { rows: ClassifiedRow[]; counts: Record<RosterOutcome, number> };
type Counts = { created: number; enrolled: number; asked: number; already: number; skipped: number };
const countKeys = ["created", "enrolled", "asked", "already", "skipped"] as const;

const outcomeLabel: Record<RosterOutcome, string> = {
  new: "New account",
  existing: "Existing learner",
  already: "Already enrolled",
  error: "Error",
};

/**
 * CSV roster import: choose a file, see what each row would do, then import
 * the valid rows in chunks with a progress bar. New accounts get
 * set-password links to copy at the end.
 */
export function RosterImport({
  cohortId,
  preview: previewAction = previewRosterAction,
  importChunk: importChunkAction = importRosterChunkAction,
}: {
  cohortId: string;
  /** the admin's pages pass their own actions (same domain functions, the admin's permission) */
  preview?: typeof previewRosterAction;
  importChunk?: typeof importRosterChunkAction;
}) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<"idle" | "checking" | "preview" | "importing" | "done">("idle");
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [counts, setCounts] = useState<Counts | null>(null);
  const [links, setLinks] = useState<ImportedLink[]>([]);

  async function check(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const file = fileRef.current?.files?.[0];
    if (!file) return setError("Choose a CSV file first.");
    if (file.size > ROSTER_MAX_BYTES) return setError(ROSTER_TOO_LARGE);
    setPhase("checking");
    const fd = new FormData();
    fd.set("cohortId", cohortId);
    fd.set("csv", await file.text());
    try {
      const r = await previewAction(undefined, fd);
      if (!r.ok || !r.data) {
        setError(r.fieldErrors?.csv ?? r.message ?? "The file could not be checked.");
        setPhase("idle");
        return;
      }
      setPreview(r.data);
      setPhase("preview");
    } catch {
      setError("Cohort could not be reached. Check your connection and try again.");
      setPhase("idle");
    }
  }

  async function runImport() {
    if (!preview) return;
    const rows = preview.rows
      .filter((r) => r.outcome === "new" || r.outcome === "existing")
      .map(({ line, name, email }) => ({ line, name, email }));
    const total = rows.length;
    const sum: Counts = { created: 0, enrolled: 0, asked: 0, already: 0, skipped: 0 };
    const made: ImportedLink[] = [];
    setPhase("importing");
    setProgress({ done: 0, total });
    for (let i = 0; i < total; i += CHUNK) {
      const fd = new FormData();
      fd.set("cohortId", cohortId);
      fd.set("rows", JSON.stringify(rows.slice(i, i + CHUNK)));
      fd.set("last", i + CHUNK >= total ? "1" : "0");
      let r: Awaited<ReturnType<typeof importChunkAction>>;
      try {
        r = await importChunkAction(undefined, fd);
      } catch {
        r = { ok: false, message: "Cohort could not be reached." };
      }
      if (!r.ok || !r.data) {
        setError(
          `${r.message ?? "The import stopped."} Rows before line ${rows[i].line} are imported. Import the same file again to finish: rows already enrolled are skipped.`,
        );
        break;
      }
      const data = r.data;
      for (const k of countKeys) sum[k] += data.counts[k];
      made.push(...data.links);
      setProgress({ done: Math.min(i + CHUNK, total), total });
      setCounts({ ...sum });
      setLinks([...made]);
    }
    setPhase("done");
  }

  function reset() {
    setPhase("idle");
    setPreview(null);
    setCounts(null);
    setLinks([]);
    setError(null);
    if (fileRef.current) fileRef.current.value = "";
  }

  const importable = preview ? preview.counts.new + preview.counts.existing : 0;
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const linkText = links.map((l) => `${l.name}, ${l.email}, ${origin}${l.path}`).join("\n");

  return (
    <div className="space-y-4">
      {(phase === "idle" || phase === "checking") && (
        <form onSubmit={check} className="flex flex-wrap items-end gap-3" noValidate>
          <FileField
            id="roster-file"
            ref={fileRef}
            accept=".csv,text/csv"
            label="Roster file (CSV with the columns name and email)"
            hint={
              <>
                First row: <code>name,email</code>. Up to 5,000 learners and {ROSTER_MAX_LABEL} per file.{" "}
                <a className="link" href="/roster-template.csv" download="roster-template.csv">
                  Download a template
                </a>{" "}
                (replace its two example rows with your learners).
              </>
            }
          />
          <Button type="submit" pending={phase === "checking"} pendingLabel="Checking…">
            Check file
          </Button>
        </form>
      )}
      {error && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      )}

      {preview && phase === "preview" && (
        <div className="space-y-3">
          <h3 className="font-semibold">Preview</h3>
          <p role="status" data-testid="roster-counts">
            {preview.counts.new} new {preview.counts.new === 1 ? "account" : "accounts"}, {preview.counts.existing} existing{" "}
            {preview.counts.existing === 1 ? "learner" : "learners"}, {preview.counts.already} already enrolled, {preview.counts.error}{" "}
            {preview.counts.error === 1 ? "row" : "rows"} with errors (skipped).
          </p>
          <PreviewTable rows={preview.rows} />
          <div className="flex flex-wrap gap-3">
            <Button onClick={runImport} disabled={importable === 0}>
              {importable === 0 ? "Nothing to import" : `Import ${importable} ${importable === 1 ? "row" : "rows"}`}
            </Button>
            <Button variant="secondary" onClick={reset}>
              Choose another file
            </Button>
          </div>
        </div>
      )}

      {(phase === "importing" || phase === "done") && (
        <div className="space-y-3">
          <label htmlFor="roster-progress" className={labelClasses}>
            {phase === "importing" ? "Importing…" : "Import finished"} {progress.done} of {progress.total} rows
          </label>
          <progress id="roster-progress" className="h-3 w-full accent-brand-700" max={Math.max(progress.total, 1)} value={progress.done} />
          {counts && phase === "done" && (
            <p role="status" data-testid="roster-result">
              {counts.created} {counts.created === 1 ? "account" : "accounts"} created, {counts.enrolled} existing{" "}
              {counts.enrolled === 1 ? "learner" : "learners"} enrolled
              {counts.asked ? `, ${counts.asked} with an account of their own asked to accept` : ""}
              {counts.already ? `, ${counts.already} already enrolled` : ""}
              {counts.skipped ? `, ${counts.skipped} skipped` : ""}.
            </p>
          )}
          {phase === "done" && links.length > 0 && (
            <div className="space-y-2">
              <h3 className="font-semibold">Set-password links for the new accounts</h3>
              <p className="text-sm text-slate-700">
                Send each learner their own link; it works once, for 7 days. You can make a new one later from the learner table.
              </p>
              <label htmlFor="roster-links" className={labelClasses}>
                Name, email, link
              </label>
              <textarea
                id="roster-links"
                readOnly
                rows={Math.min(10, links.length + 1)}
                className={`${controlClasses} w-full font-mono text-xs`}
                value={linkText}
              />
              <Button variant="secondary" onClick={() => navigator.clipboard.writeText(linkText).catch(() => {})}>
                Copy all links
              </Button>
            </div>
          )}
          {phase === "done" && (
            <Button variant="secondary" onClick={reset}>
              Import another file
            </Button>
          )}
        </div>
      )}
    </div>
  );
}

const SHOWN = 300;

const previewColumns: Column[] = [
  { key: "line", label: "Line", numeric: true },
  { key: "name", label: "Name" },
  { key: "email", label: "Email" },
  { key: "result", label: "Result" },
];

const outcomeTone = { new: "info", existing: "neutral", already: "neutral", error: "danger" } as const;

function PreviewTable({ rows }: { rows: ClassifiedRow[] }) {
  // errors first so nothing is missed in a long file
  const ordered = [...rows.filter((r) => r.outcome === "error"), ...rows.filter((r) => r.outcome !== "error")];
  return (
    <div>
      <Table caption="What importing each row will do" columns={previewColumns} stickyHeader regionClassName="max-h-96 overflow-y-auto">
        {ordered.slice(0, SHOWN).map((r) => (
          <Tr key={r.line} data-testid={`roster-line-${r.line}`}>
            <Td numeric>{r.line}</Td>
            <Td>{r.name || "—"}</Td>
            <Td>{r.email || "—"}</Td>
            <Td className={r.outcome === "error" ? "text-red-800" : undefined}>
              <Badge size="sm" tone={outcomeTone[r.outcome]}>
                {outcomeLabel[r.outcome]}
              </Badge>
              {r.reason && r.outcome !== "new" ? <span className="mt-1 block text-xs">{r.reason}</span> : null}
            </Td>
          </Tr>
        ))}
      </Table>
      {rows.length > SHOWN && <p className="p-2 text-sm text-slate-700">…and {rows.length - SHOWN} more rows, all counted above.</p>}
    </div>
  );
}
