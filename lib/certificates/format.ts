/**
 * How certificates write dates, hours and codes. Pure functions: used by the
 * pages, the PDFs and the CSV alike, so all of them print the same thing.
 */

import { formatDate, formatHours } from "@/lib/platform/format";

export { formatHours };

/** "November 27, 2026": the UTC calendar date, as US English writes it (lib/platform/format). */
export function formatCertificateDate(d: Date): string {
  return formatDate(d, { timeZone: "UTC", month: "long" });
}

/** "2026-11-27": the UTC calendar date for CSV files. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function hoursLabel(hours: number): string {
  return `${formatHours(hours)} contact ${hours === 1 ? "hour" : "hours"}`;
}

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I

/**
 * A typed or pasted code in its canonical form XXXX-XXXX-XXXX-XXXX (case,
 * spaces and dashes do not matter), or null when it cannot be a code at all.
 */
export function normaliseCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s\-‐‑‒–—_.]/g, "");
  if (raw.length !== 16) return null;
  for (const ch of raw) if (!ALPHABET.includes(ch)) return null;
  return raw.match(/.{4}/g)!.join("-");
}

export const CODE_ALPHABET = ALPHABET;

/** Categories match whatever the case and spacing ("professional ethics" = "Professional  Ethics"). */
export function categoryKey(category: string): string {
  return category.trim().replace(/\s+/g, " ").toLowerCase();
}
