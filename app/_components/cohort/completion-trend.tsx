import { Table, Td, Tr, type Column } from "@/app/_components/ui/table";
import { formatDate } from "@/lib/platform/format";
import type { TrendPoint } from "@/lib/reports/cohort-funnel";

const weekColumns: Column[] = [
  { key: "week", label: "Week of" },
  { key: "completions", label: "Completions", numeric: true },
];

const weekLabel = (week: string) => formatDate(`${week}T00:00:00Z`, { timeZone: "UTC" });

/**
 * Completions per week across the assignment's window, as plain CSS bars
 * (hidden from assistive technology) with the same numbers in a table below.
 */
export function CompletionTrend({ data, dueWeek }: { data: TrendPoint[]; dueWeek?: string }) {
  if (data.length === 0) return null;
  const max = Math.max(1, ...data.map((d) => d.completions));
  const total = data.reduce((n, d) => n + d.completions, 0);
  return (
    <div data-testid="completion-trend">
      <p className="text-sm text-slate-700">
        {total} {total === 1 ? "completion" : "completions"} from the week of {weekLabel(data[0].week)} to the week of{" "}
        {weekLabel(data.at(-1)!.week)}.
      </p>
      <div className="mt-3 flex h-32 items-end gap-1 border-b border-slate-300" aria-hidden="true">
        {data.map((d) => (
          <div
            key={d.week}
            className="flex h-full min-w-0 flex-1 flex-col justify-end"
            title={`Week of ${weekLabel(d.week)}: ${d.completions}`}
          >
            {d.completions > 0 && <span className="text-center text-xs tabular-nums text-slate-700">{d.completions}</span>}
            <div
              className={d.week === dueWeek ? "rounded-t bg-amber-600" : "rounded-t bg-brand-600"}
              style={{ height: `${Math.round((100 * d.completions) / max)}%`, minHeight: d.completions ? 2 : 0 }}
            />
          </div>
        ))}
      </div>
      <div className="mt-1 flex justify-between text-xs text-slate-600" aria-hidden="true">
        <span>{weekLabel(data[0].week)}</span>
        {dueWeek && <span className="text-amber-800">due week in amber</span>}
        <span>{weekLabel(data.at(-1)!.week)}</span>
      </div>
      <details className="mt-2">
        <summary className="cursor-pointer text-sm font-medium text-brand-700">Show the numbers as a table</summary>
        <div className="mt-2 max-w-xs">
          <Table caption="Completions per week (weeks start on Monday, UTC)" columns={weekColumns} framed={false}>
            {data.map((d) => (
              <Tr key={d.week}>
                <Td>
                  {weekLabel(d.week)}
                  {d.week === dueWeek && " (due)"}
                </Td>
                <Td numeric>{d.completions}</Td>
              </Tr>
            ))}
          </Table>
        </div>
      </details>
    </div>
  );
}
