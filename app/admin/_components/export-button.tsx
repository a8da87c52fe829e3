"use client";

import { useRef, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { formatBytes, formatCount } from "@/lib/platform/format";

type Progress = { rows: number; bytes: number; total: number | null };

/** Counts CSV records in a chunk: newlines outside quoted cells (a quote state carried between chunks). */
function countRecords(text: string, state: { inQuote: boolean }) {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) state.inQuote = !state.inQuote;
    else if (c === 10 && !state.inQuote) n++;
  }
  return n;
}

/**
 * Downloads the CSV of the current view: reads the stream to show rows and
 * bytes as they arrive, then saves it through an object URL.
 */
export function ExportButton({ query }: { query: string }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);

  async function download() {
    setBusy(true);
    setMessage(null);
    abort.current = new AbortController();
    try {
      const res = await fetch(`/admin/export.csv${query ? `?${query}` : ""}`, { signal: abort.current.signal, cache: "no-store" });
      if (!res.ok || !res.body) throw new Error(res.status === 400 ? "The filters are not valid." : `The export failed (${res.status}).`);
      const total = Number(res.headers.get("x-export-rows") ?? NaN);
      const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "cohort-completion.csv";
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      const chunks: BlobPart[] = [];
      const quote = { inQuote: false };
      let rows = -1; // the header line is not a row
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as BlobPart);
        bytes += value.byteLength;
        rows += countRecords(decoder.decode(value, { stream: true }), quote);
        setProgress({ rows: Math.max(rows, 0), bytes, total: Number.isFinite(total) ? total : null });
      }
      const url = URL.createObjectURL(new Blob(chunks, { type: "text/csv" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage(`Downloaded ${name}: ${formatCount(Math.max(rows, 0))} rows, ${formatBytes(bytes)}.`);
    } catch (e) {
      setMessage((e as Error).name === "AbortError" ? "Download canceled." : (e as Error).message);
    } finally {
      setBusy(false);
      abort.current = null;
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button onClick={download} pending={busy} pendingLabel="Downloading…">
        Download CSV
      </Button>
      {busy && (
        <Button variant="secondary" onClick={() => abort.current?.abort()}>
          Cancel
        </Button>
      )}
      <p role="status" aria-live="polite" className="text-sm text-slate-700" data-testid="export-status">
        {busy && progress
          ? `${formatCount(progress.rows)}${progress.total !== null ? ` of ${formatCount(progress.total)}` : ""} rows, ${formatBytes(progress.bytes)} received…`
          : busy
            ? "Starting…"
            : message}
      </p>
      {busy && progress?.total ? (
        <progress className="w-48" max={progress.total} value={progress.rows} aria-label="Export progress" />
      ) : null}
    </div>
  );
}
