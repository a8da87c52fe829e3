/**
 * Cells a spreadsheet program would run as a formula (=, +, -, @, tab, CR at
 * the start) get a leading apostrophe, so exported names like
 * `=HYPERLINK(...)` are shown as text, never executed.
 */
export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
