/** The drill-down of one week of the overview's chart: its completions, with the overview's filters (`query`). */
export function weekHref(week: string, query: string) {
  return `/admin/completions?week=${encodeURIComponent(week)}${query ? `&${query}` : ""}`;
}
