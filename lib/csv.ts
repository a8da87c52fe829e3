/**
 * A cell that a spreadsheet will show as text: a leading = + - @ tab or CR
 * would otherwise start a formula (CSV injection), so it is prefixed with '.
 */
export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const s = value instanceof Date ? value.toISOString() : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
