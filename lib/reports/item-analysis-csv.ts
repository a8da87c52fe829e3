import type { Actor } from "@/lib/access/scope";
import { csvColumns, toCsv } from "@/lib/platform/csv";
import { getItemAnalysis, itemFlagLabels, percent1, quizKindLabels, twoDecimals } from "./item-analysis";

export const itemAnalysisCsvHeader = [
  csvColumns.module,
  csvColumns.moduleVersion,
  "Item ID",
  "Item",
  "Idea",
  "Kind",
  "Responses",
  "Difficulty (% correct)",
  "Discrimination (point-biserial)",
  "Flags",
  "Option ID",
  "Option",
  "Correct option",
  "Times chosen",
  "Chosen (% of responses)",
];

/**
 * The item analysis page as CSV: one row per option of each item (the
 * item's figures repeated), so a spreadsheet can filter by item or flag and
 * still see which distractors are chosen. Cells safe from formulas.
 */
export async function itemAnalysisCsv({ actor, now = new Date() }: { actor: Actor; now?: Date }) {
  const versions = await getItemAnalysis({ actor });
  const rows: unknown[][] = [];
  for (const v of versions) {
    for (const item of v.items) {
      const itemCells = [
        v.moduleTitle,
        v.version,
        item.itemId,
        item.prompt,
        item.ideaLabel ?? item.ideaId ?? "",
        item.kind ? quizKindLabels[item.kind] : "",
        item.responses,
        percent1(item.difficulty),
        twoDecimals(item.discrimination),
        item.flags.map((f) => itemFlagLabels[f]).join("; "),
      ];
      if (!item.options.length) rows.push([...itemCells, "", "", "", "", ""]);
      for (const o of item.options) rows.push([...itemCells, o.optionId, o.text, o.correct ? "yes" : "no", o.chosen, percent1(o.share)]);
    }
  }
  const body = toCsv(itemAnalysisCsvHeader, rows);
  return { filename: `item-analysis-${now.toISOString().slice(0, 10)}.csv`, body };
}
