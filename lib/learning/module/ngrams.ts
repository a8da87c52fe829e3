import { createHash } from "node:crypto";

/**
 * Lowercase, fold curly quotes/apostrophes and dashes, strip punctuation,
 * split on whitespace. "Don’t—stop!" → ["dont", "stop"].
 */
export function normaliseWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u02bc`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/['"]/g, "")
    .replace(/[\u2010-\u2015\u2212]/g, " ")
    .replace(/[^\p{L}\p{N}\s]+/gu, " ")
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/** sha256 hex (first 16 chars) of every run of `n` consecutive words. */
export function shingleHashes(text: string, n = 8): string[] {
  const w = normaliseWords(text);
  const out: string[] = [];
  for (let i = 0; i + n <= w.length; i++) {
    const run = w.slice(i, i + n).join(" ");
    out.push(createHash("sha256").update(run).digest("hex").slice(0, 16));
  }
  return out;
}
