/**
 * Text people type is refused when it carries control characters: NUL makes
 * PostgreSQL fail the whole statement, and the others (escape sequences,
 * backspace, C1 codes) only ever arrive by accident or to fool a reader of a
 * log or a CSV. Tab, line feed and carriage return stay allowed in text that
 * has lines (reflections, feedback, descriptions); one-line text (names,
 * emails, reasons) allows none.
 */
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/;

export const CONTROL_CHARACTERS_MESSAGE =
  "This text contains invisible control characters (they can come from copying out of another program). Retype the text or paste it as plain text.";

export function hasControlCharacters(text: string, { multiline = false }: { multiline?: boolean } = {}): boolean {
  return (multiline ? CONTROL_MULTILINE : CONTROL_SINGLE_LINE).test(text);
}

/** For zod: `z.string().refine(...noControlCharacters())`. */
export function noControlCharacters(opts: { multiline?: boolean } = {}) {
  return [(s: string) => !hasControlCharacters(s, opts), { message: CONTROL_CHARACTERS_MESSAGE }] as const;
}
