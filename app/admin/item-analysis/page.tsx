import { formatCount, formatPercent } from "@/lib/platform/format";
import type { Metadata } from "next";
import Link from "next/link";
import { AppShell } from "@/app/_components/app-shell";
import { Badge, type BadgeTone } from "@/app/_components/ui/badge";
import { buttonClasses } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { Table, Td, Tr, type Column } from "@/app/_components/ui/table";
import { page } from "@/app/_edge/page";
import {
  EASY_AT,
  getItemAnalysis,
  HARD_AT,
  itemFlagLabels,
  MIN_RESPONSES,
  quizKindLabels,
  twoDecimals,
  type ItemAnalysis,
  type ItemFlag,
} from "@/lib/reports/item-analysis";

export const metadata: Metadata = { title: "Item analysis" };

const columns: Column[] = [
  { key: "item", label: "Item" },
  { key: "idea", label: "Idea" },
  { key: "kind", label: "Kind" },
  { key: "responses", label: "Responses", numeric: true },
  { key: "difficulty", label: "Difficulty", numeric: true },
  { key: "discrimination", label: "Discrimination", numeric: true },
  { key: "flags", label: "Flags" },
];

const flagTone: Record<ItemFlag, BadgeTone> = { too_few: "neutral", too_easy: "info", too_hard: "warning", negative: "danger" };

const short = (text: string, max = 90) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

export default page({ permission: "reports.organisation" }, async ({ user }) => {
  const versions = await getItemAnalysis({ actor: user });
  return (
    <AppShell user={user} wide>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Item analysis</h1>
          <p className="mt-1 max-w-3xl text-slate-700">
            How each quiz item performs across the whole organization, from submitted attempts that were not reset. Difficulty is the share
            of responses that were right. Discrimination is the point-biserial correlation between getting the item right and the score on
            the rest of the form: items that stronger learners get right score higher, and a negative value means learners who do well
            elsewhere tend to miss it. Items with fewer than {MIN_RESPONSES} responses get no verdict.
          </p>
        </div>
        <a className={buttonClasses({ variant: "secondary" })} href="/admin/item-analysis/export.csv" download>
          Download CSV
        </a>
      </div>
      <p className="mt-2 text-sm text-slate-700">
        Flags: {itemFlagLabels.too_easy.toLowerCase()} ({Math.round(EASY_AT * 100)}% or more right), {itemFlagLabels.too_hard.toLowerCase()}{" "}
        ({Math.round(HARD_AT * 100)}% or less right), {itemFlagLabels.negative.toLowerCase()} (below 0). Open an item to see how often each
        option was chosen.
      </p>
      <div className="mt-6 space-y-6">
        {versions.map((v) => (
          <Card
            key={v.versionId}
            title={`${v.moduleTitle}, version ${v.version}`}
            description={`${formatCount(v.attempts)} counted ${v.attempts === 1 ? "attempt" : "attempts"}; ${v.items.length} items in the bank.`}
            data-testid={`version-${v.version}`}
          >
            {v.attempts === 0 ? (
              <EmptyState
                action={
                  <Link className={buttonClasses({ variant: "secondary" })} href="/admin">
                    See which cohorts are under way
                  </Link>
                }
              >
                No counted attempts on this version yet. Figures appear once learners submit the quiz.
              </EmptyState>
            ) : (
              <Table caption={`Quiz items of ${v.moduleTitle}, version ${v.version}`} columns={columns} framed={false}>
                {v.items.map((item) => (
                  <ItemRow key={item.itemId} item={item} />
                ))}
              </Table>
            )}
          </Card>
        ))}
        {versions.length === 0 && (
          <EmptyState
            action={
              <Link className={buttonClasses({ variant: "secondary" })} href="/admin">
                Back to the overview
              </Link>
            }
          >
            No module is published yet, so there are no quiz items to analyze. Publishing happens when the database is migrated.
          </EmptyState>
        )}
      </div>
    </AppShell>
  );
});

function ItemRow({ item }: { item: ItemAnalysis }) {
  return (
    <Tr data-testid={`item-${item.itemId}`}>
      <Td className="min-w-64">
        <span title={item.prompt}>{short(item.prompt)}</span>
        {item.options.length > 0 && (
          <details className="mt-1">
            <summary className="cursor-pointer text-sm font-medium text-brand-700">
              Options<span className="sr-only"> chosen for “{short(item.prompt, 40)}”</span>
            </summary>
            <ul className="mt-2 space-y-1 text-sm" aria-label="Options and how often each was chosen">
              {item.options.map((o) => (
                <li key={o.optionId} className="flex items-baseline gap-2" data-testid={`option-${o.optionId}`}>
                  <span className="w-14 shrink-0 text-right tabular-nums">
                    {formatPercent(o.share === null ? null : o.share * 100, { decimals: 1 })}
                  </span>
                  <span>
                    {o.text}
                    {o.correct && (
                      <Badge tone="success" size="sm" className="ml-2">
                        Correct
                      </Badge>
                    )}
                    <span className="text-slate-600">
                      {" "}
                      ({formatCount(o.chosen)} {o.chosen === 1 ? "time" : "times"})
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          </details>
        )}
      </Td>
      <Td>{item.ideaLabel ?? item.ideaId ?? "—"}</Td>
      <Td className="whitespace-nowrap">{item.kind ? quizKindLabels[item.kind] : "—"}</Td>
      <Td numeric>{formatCount(item.responses)}</Td>
      <Td numeric data-testid="difficulty">
        {formatPercent(item.difficulty === null ? null : item.difficulty * 100, { decimals: 1 })}
      </Td>
      <Td numeric data-testid="discrimination">
        {item.discrimination === null ? "—" : twoDecimals(item.discrimination).replace("-", "−")}
      </Td>
      <Td>
        <span className="flex flex-wrap gap-1">
          {item.flags.map((f) => (
            <Badge key={f} tone={flagTone[f]} size="sm">
              {itemFlagLabels[f]}
            </Badge>
          ))}
        </span>
      </Td>
    </Tr>
  );
}
