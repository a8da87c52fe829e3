import { stringify } from "csv-stringify/sync";

/**
 * A spreadsheet program runs a cell that starts with = + - @ (or a tab or
 * carriage return before one) as a formula. Prefixing a quote makes it text.
 * A plain negative number ("-0.31") runs nothing and stays a number.
 */
export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  if (/^-\d+(\.\d+)?$/.test(text)) return text;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A whole CSV document with every cell neutralised. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return stringify([header.map(safeCell), ...rows.map((r) => r.map(safeCell))]);
}
