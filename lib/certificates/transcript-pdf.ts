/**
 * The training record as a PDF transcript (US Letter, portrait, as many pages
 * as the entries need): learner, provider, credited hours per category with
 * the targets, and every completed module with its verification code.
 */
import { PDFDocument, type PDFFont, type PDFPage } from "pdf-lib";
import { embedPdfFonts } from "./pdf-fonts";
import { categoryKey } from "./format";
import { formatCertificateDate, formatHours } from "@/lib/platform/format";
import { colors, drawWrapped, encodable, fitSize, wrap } from "./pdf-layout";
import type { TrainingRecord } from "./record";

const W = 612;
const H = 792;
const M = 48;

type Fonts = { regular: PDFFont; bold: PDFFont; mono: PDFFont };

// widths add up to the text width (612 - 2 × 48)
const columns = [
  { key: "date", label: "Completed", width: 90 },
  { key: "module", label: "Module", width: 132 },
  { key: "category", label: "Category", width: 96 },
  { key: "hours", label: "Hours", width: 30 },
  { key: "code", label: "Certificate code", width: 100 },
  { key: "status", label: "Status", width: 68 },
] as const;

export async function renderTranscriptPdf({
  learnerName,
  record,
  generatedAt,
  verifyBase,
}: {
  learnerName: string;
  record: TrainingRecord;
  generatedAt: Date;
  verifyBase: string;
}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts: Fonts = await embedPdfFonts(doc);
  doc.setTitle(`Training record — ${learnerName}`);
  doc.setAuthor(record.settings.organisationName);
  doc.setCreator("Cohort");
  doc.setProducer("Cohort (pdf-lib)");
  doc.setCreationDate(generatedAt);

  let page = doc.addPage([W, H]);
  let y = H - M;
  const text = (p: PDFPage, s: string, x: number, yy: number, font: PDFFont, size: number, color = colors.ink) =>
    p.drawText(encodable(font, s), { x, y: yy, size: fitSize(font, encodable(font, s), size, W - M - x, size * 0.7), font, color });

  text(page, "Training record", M, y - 20, fonts.bold, 22);
  y -= 46;
  text(page, learnerName, M, y, fonts.bold, 14);
  y -= 18;
  const provider = record.settings.providerApprovalNumber
    ? `${record.settings.organisationName} (provider approval number ${record.settings.providerApprovalNumber})`
    : record.settings.organisationName;
  text(page, `Provider: ${provider}`, M, y, fonts.regular, 10, colors.muted);
  y -= 14;
  text(
    page,
    `Generated ${formatCertificateDate(generatedAt)}. Dates are UTC calendar dates. 1 contact hour = 1 clock hour.`,
    M,
    y,
    fonts.regular,
    10,
    colors.muted,
  );
  y -= 30;

  // credited hours and targets
  text(page, "Credited hours by category", M, y, fonts.bold, 13);
  y -= 20;
  const summaryRows = summaryLines(record);
  if (summaryRows.length === 0) {
    text(page, "No credited hours yet.", M, y, fonts.regular, 10.5, colors.muted);
    y -= 18;
  }
  for (const row of summaryRows) {
    text(page, row.category, M, y, fonts.regular, 10.5);
    text(page, row.figures, M + 250, y, fonts.bold, 10.5);
    if (row.percent !== null) {
      const bx = M + 420;
      const bw = W - M - bx;
      page.drawRectangle({ x: bx, y: y - 1, width: bw, height: 9, borderColor: colors.rule, borderWidth: 0.75 });
      if (row.percent > 0) page.drawRectangle({ x: bx, y: y - 1, width: (bw * row.percent) / 100, height: 9, color: colors.brand });
    }
    y -= 17;
  }
  text(page, `Total credited: ${formatHours(record.totalHours)} hours`, M, y - 2, fonts.bold, 10.5);
  y -= 34;

  // entries
  text(page, "Completed modules", M, y, fonts.bold, 13);
  y -= 20;
  if (record.entries.length === 0) {
    text(page, "No completed modules yet.", M, y, fonts.regular, 10.5, colors.muted);
    y -= 18;
  }
  const header = (p: PDFPage, yy: number) => {
    let x = M;
    for (const c of columns) {
      p.drawText(c.label, { x, y: yy, size: 8.5, font: fonts.bold, color: colors.muted });
      x += c.width;
    }
    p.drawLine({ start: { x: M, y: yy - 5 }, end: { x: W - M, y: yy - 5 }, thickness: 0.75, color: colors.rule });
    return yy - 18;
  };
  if (record.entries.length) y = header(page, y);
  for (const e of record.entries) {
    const linesOf = (t: string, width: number) => Math.min(3, wrap(fonts.regular, encodable(fonts.regular, t), 9, width - 8).length);
    const rowLines = Math.max(
      linesOf(`${e.moduleTitle} (v${e.moduleVersion})`, columns[1].width),
      linesOf(e.hoursCategory, columns[2].width),
      e.revokedAt ? 2 : 1,
    );
    const rowHeight = rowLines * 11.5 + 8;
    if (y - rowHeight < M + 30) {
      page = doc.addPage([W, H]);
      y = header(page, H - M);
    }
    const color = e.revokedAt ? colors.muted : colors.ink;
    let x = M;
    const completed = formatCertificateDate(e.completedAt); // "September 30, 2026" is the widest
    page.drawText(completed, {
      x,
      y,
      size: fitSize(fonts.regular, completed, 9, columns[0].width - 6, 7),
      font: fonts.regular,
      color: color,
    });
    x += columns[0].width;
    drawWrapped(page, `${e.moduleTitle} (v${e.moduleVersion})`, x, y, {
      font: fonts.regular,
      size: 9,
      maxWidth: columns[1].width - 8,
      maxLines: 3,
      color: color,
      lineGap: 1.25,
    });
    x += columns[1].width;
    drawWrapped(page, e.hoursCategory, x, y, { font: fonts.regular, size: 9, maxWidth: columns[2].width - 8, maxLines: 3, color: color });
    x += columns[2].width;
    page.drawText(formatHours(e.contactHours), { x, y, size: 9, font: fonts.regular, color: color });
    x += columns[3].width;
    page.drawText(e.code, { x, y, size: 8, font: fonts.mono, color: color });
    x += columns[4].width;
    if (e.revokedAt) {
      page.drawText("Revoked", { x, y, size: 9, font: fonts.bold, color: colors.danger });
      const revoked = formatCertificateDate(e.revokedAt);
      const size = fitSize(fonts.regular, revoked, 7.5, columns[5].width, 6);
      page.drawText(revoked, { x, y: y - 11, size, font: fonts.regular, color: colors.danger });
    } else page.drawText("Valid", { x, y, size: 9, font: fonts.regular, color: color });
    y -= rowHeight;
  }

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    p.drawText(
      encodable(fonts.regular, `Verify any certificate at ${verifyBase} with its code. Revoked certificates are listed but not credited.`),
      {
        x: M,
        y: M - 20,
        size: 8,
        font: fonts.regular,
        color: colors.muted,
      },
    );
    const label = `Page ${i + 1} of ${pages.length}`;
    p.drawText(label, {
      x: W - M - fonts.regular.widthOfTextAtSize(label, 8),
      y: M - 20,
      size: 8,
      font: fonts.regular,
      color: colors.muted,
    });
  });
  return doc.save();
}

/** One line per target, then the categories with hours but no target. */
function summaryLines(record: TrainingRecord) {
  const lines: { category: string; figures: string; percent: number | null }[] = record.targets.map((t) => ({
    category: t.category,
    figures: `${formatHours(t.earned)} of ${formatHours(t.target)} hours (${t.percent}%)${t.met ? " — met" : ""}`,
    percent: t.percent,
  }));
  const targeted = new Set(record.targets.map((t) => categoryKey(t.category)));
  for (const t of record.totals) {
    if (!targeted.has(categoryKey(t.category)))
      lines.push({ category: t.category, figures: `${formatHours(t.hours)} hours (no target set)`, percent: null });
  }
  return lines;
}
