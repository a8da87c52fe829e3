/**
 * Certificate codes and hour categories. Pure functions. Dates and hours are
 * written by lib/platform/format, like everywhere else.
 */

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
