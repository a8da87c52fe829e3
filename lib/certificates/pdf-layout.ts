/**
 * Small text-layout helpers on top of pdf-lib fonts. Text is made encodable
 * in the font first (with the embedded DejaVu fonts every Latin, Greek and
 * Cyrillic name stays as typed; a character no font has — CJK, for one —
 * loses its accent if that helps, else becomes "?"), then fitted or wrapped.
 */
import { rgb, type PDFFont, type PDFPage, type RGB } from "pdf-lib";

export const colors = {
  ink: rgb(0.09, 0.11, 0.15),
  muted: rgb(0.33, 0.37, 0.43),
  brand: rgb(0.082, 0.337, 0.298), // #15564c
  brandLight: rgb(0.835, 0.922, 0.902), // #d5ebe6
  rule: rgb(0.8, 0.83, 0.86),
  danger: rgb(0.73, 0.11, 0.11),
  white: rgb(1, 1, 1),
};

// letters outside WinAnsi whose plain Latin form is obvious
const FALLBACK: Record<string, string> = {
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
  Ħ: "H",
  ħ: "h",
  ı: "i",
  Ŀ: "L",
  ŀ: "l",
  ẞ: "SS",
  "‐": "-",
  "‑": "-",
  "−": "-",
};

const charsets = new WeakMap<PDFFont, Set<number>>();

/** The text with every character the font cannot encode replaced. */
export function encodable(font: PDFFont, text: string): string {
  let set = charsets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    charsets.set(font, set);
  }
  const ok = (s: string) => [...s].every((c) => set.has(c.codePointAt(0)!));
  return [...text.normalize("NFC").replace(/[\r\n\t]+/g, " ")]
    .map((ch) => {
      if (ok(ch)) return ch;
      const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      if (base && ok(base)) return base;
      const fb = FALLBACK[ch];
      return fb && ok(fb) ? fb : "?";
    })
    .join("");
}

/** The largest size from `size` down to `min` at which the text fits `maxWidth`, else `min`. */
export function fitSize(font: PDFFont, text: string, size: number, maxWidth: number, min = size * 0.6): number {
  let s = size;
  while (s > min && font.widthOfTextAtSize(text, s) > maxWidth) s -= 0.5;
  return Math.max(s, min);
}

/** Break text into lines no wider than maxWidth (long words are cut). */
export function wrap(font: PDFFont, text: string, size: number, maxWidth: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  const width = (s: string) => font.widthOfTextAtSize(s, size);
  for (let word of words) {
    while (width(word) > maxWidth) {
      let cut = word.length - 1;
      while (cut > 1 && width(word.slice(0, cut)) > maxWidth) cut--;
      if (line) lines.push(line);
      lines.push(word.slice(0, cut));
      line = "";
      word = word.slice(cut);
    }
    const next = line ? `${line} ${word}` : word;
    if (width(next) <= maxWidth) line = next;
    else {
      if (line) lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

type TextOpts = { font: PDFFont; size: number; color?: RGB };

export function drawCentered(page: PDFPage, raw: string, y: number, opts: TextOpts & { maxWidth: number; minSize?: number }) {
  const text = encodable(opts.font, raw);
  const size = fitSize(opts.font, text, opts.size, opts.maxWidth, opts.minSize);
  const lines = opts.font.widthOfTextAtSize(text, size) > opts.maxWidth ? wrap(opts.font, text, size, opts.maxWidth) : [text];
  const cx = page.getWidth() / 2;
  lines.forEach((line, i) => {
    const w = opts.font.widthOfTextAtSize(line, size);
    page.drawText(line, { x: cx - w / 2, y: y - i * size * 1.2, size, font: opts.font, color: opts.color ?? colors.ink });
  });
  return { size, lines: lines.length, bottom: y - (lines.length - 1) * size * 1.2 };
}

/** Left-aligned text wrapped to at most maxLines lines (the last one shrunk to fit); returns the y below it. */
export function drawWrapped(
  page: PDFPage,
  raw: string,
  x: number,
  y: number,
  opts: TextOpts & { maxWidth: number; maxLines?: number; lineGap?: number },
) {
  const text = encodable(opts.font, raw);
  let size = opts.size;
  let lines = wrap(opts.font, text, size, opts.maxWidth);
  const maxLines = opts.maxLines ?? Infinity;
  while (lines.length > maxLines && size > opts.size * 0.7) {
    size -= 0.5;
    lines = wrap(opts.font, text, size, opts.maxWidth);
  }
  if (lines.length > maxLines) lines = [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]}…`];
  const leading = size * (opts.lineGap ?? 1.25);
  lines.forEach((line, i) => page.drawText(line, { x, y: y - i * leading, size, font: opts.font, color: opts.color ?? colors.ink }));
  return y - lines.length * leading;
}
