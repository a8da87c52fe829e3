/**
 * The fonts certificates and training records print in: DejaVu (from the
 * `dejavu-fonts-ttf` package; Bitstream Vera licence, free to embed and
 * redistribute), embedded as subsets through fontkit, so every name prints
 * as typed — "José Muñoz-Ñúñez", "Nguyễn Thị Minh", "Zoë O'Brien" — and
 * extracts as the same text. The PDF standard fonts only know WinAnsi.
 * The verification code stays in Courier: it is ASCII by construction.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { StandardFonts, type PDFDocument, type PDFFont } from "pdf-lib";

const FILES = {
  sans: "DejaVuSans.ttf",
  sansBold: "DejaVuSans-Bold.ttf",
  serifBold: "DejaVuSerif-Bold.ttf",
  serifBoldItalic: "DejaVuSerif-BoldItalic.ttf",
} as const;
type Face = keyof typeof FILES;

/** node_modules/dejavu-fonts-ttf/ttf at or above the working directory (read from disk, not bundled: a font is 350–760 KB). */
function fontDir(): string {
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", "dejavu-fonts-ttf", "ttf");
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`The dejavu-fonts-ttf package was not found at or above ${process.cwd()}; run npm ci.`);
}

const bytes = new Map<Face, Uint8Array>();
function fontBytes(face: Face): Uint8Array {
  let b = bytes.get(face);
  if (!b) {
    b = readFileSync(path.join(fontDir(), FILES[face]));
    bytes.set(face, b);
  }
  return b;
}

export type PdfFonts = { regular: PDFFont; bold: PDFFont; serifBold: PDFFont; serifItalic: PDFFont; mono: PDFFont };

/** Embed the fonts into `doc`, each subset to the glyphs the document uses. */
export async function embedPdfFonts(doc: PDFDocument, opts: { monoBold?: boolean } = {}): Promise<PdfFonts> {
  // fontkit parses the file again for each document: a parsed font shared between documents loses glyphs from later subsets
  doc.registerFontkit(fontkit);
  const custom = (face: Face) => doc.embedFont(fontBytes(face), { subset: true });
  const [regular, bold, serifBold, serifItalic, mono] = await Promise.all([
    custom("sans"),
    custom("sansBold"),
    custom("serifBold"),
    custom("serifBoldItalic"),
    doc.embedFont(opts.monoBold ? StandardFonts.CourierBold : StandardFonts.Courier),
  ]);
  return { regular, bold, serifBold, serifItalic, mono };
}
