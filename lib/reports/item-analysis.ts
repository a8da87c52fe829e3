import { desc, sql } from "drizzle-orm";
import { execRows, getDb } from "@/db/client";
import { modules, moduleVersions, quizAttempts, quizResponses } from "@/db/schema";
import { requirePermission, type Actor } from "@/lib/access/scope";
import type { QuizKind } from "@/lib/learning/module/content-schema";
import { getModuleVersion } from "@/lib/learning/module/publish";
import { countedAttemptSql } from "@/lib/learning/quiz/counted";

/** Below this many responses an item gets no verdict: its figures are noise. */
export const MIN_RESPONSES = 20;
export const EASY_AT = 0.95;
export const HARD_AT = 0.2;

export type ItemFlag = "too_few" | "too_easy" | "too_hard" | "negative";

export const itemFlagLabels: Record<ItemFlag, string> = {
  too_few: "Too few answers",
  too_easy: "Almost everyone gets it right",
  too_hard: "Almost nobody gets it right",
  negative: "Discriminates negatively",
};

export const quizKindLabels: Record<QuizKind, string> = {
  single: "Single choice",
  multiple: "Multiple select",
  truefalse: "True/false",
  scenario: "Scenario",
};

/** 0.5714 → "57.1" (percent, one decimal, as the page and the CSV show it); no responses → "" */
export const percent1 = (share: number | null) => (share === null ? "" : (Math.round(share * 1000) / 10).toFixed(1));
/** −0.3118 → "-0.31"; not defined → "" */
export const twoDecimals = (r: number | null) => (r === null ? "" : r.toFixed(2));

export type OptionAnalysis = {
  optionId: string;
  text: string;
  correct: boolean;
  /** responses that ticked this option (a multiple-select response can tick several) */
  chosen: number;
  /** chosen / responses; null without responses */
  share: number | null;
};

export type ItemAnalysis = {
  itemId: string;
  prompt: string;
  kind: QuizKind | null;
  ideaId: string | null;
  ideaLabel: string | null;
  responses: number;
  correct: number;
  /** share of responses that were correct; null without responses */
  difficulty: number | null;
  /**
   * point-biserial correlation between the item (right 1, wrong 0) and the
   * rest of the form (the attempt's other items right); null when either
   * side does not vary (everyone right, or every rest score equal)
   */
  discrimination: number | null;
  flags: ItemFlag[];
  options: OptionAnalysis[];
};

export type VersionAnalysis = {
  versionId: string;
  moduleId: string;
  moduleTitle: string;
  version: number;
  /** counted attempts made against this version */
  attempts: number;
  items: ItemAnalysis[];
};

export function flagsOf({ responses, difficulty, discrimination }: Pick<ItemAnalysis, "responses" | "difficulty" | "discrimination">) {
  if (responses < MIN_RESPONSES || difficulty === null) return ["too_few"] as ItemFlag[];
  const flags: ItemFlag[] = [];
  if (difficulty >= EASY_AT) flags.push("too_easy");
  if (difficulty <= HARD_AT) flags.push("too_hard");
  if (discrimination !== null && discrimination < 0) flags.push("negative");
  return flags;
}

type Row = {
  version_id: string;
  item_id: string;
  responses: number;
  correct: number;
  point_biserial: number | string | null;
  option_counts: Record<string, number> | string | null;
};

/**
 * Item analysis for authors, over the whole organization: per module version
 * and quiz item, how many counted attempts answered it, the share right
 * (difficulty), the point-biserial against the rest of the form
 * (discrimination), and how often each option was ticked. One SQL pass over
 * the responses of counted attempts (lib/learning/quiz/counted.ts): the rest
 * score is a window sum per attempt, the correlation is corr(). Every version
 * with counted attempts is listed, and the latest version of each module
 * even without any, each with every item of its bank in bank order.
 */
export async function getItemAnalysis({ actor }: { actor: Actor }): Promise<VersionAnalysis[]> {
  requirePermission(actor, "reports.organisation");
  const db = getDb();
  const [rows, attempts, latest] = await Promise.all([
    execRows<Row>(
      db,
      sql`
      with r as (
        select ${quizAttempts.moduleVersionId} as version_id, ${quizResponses.itemId} as item_id,
          ${quizResponses.correct}::int as right_, ${quizResponses.chosenOptionIds} as chosen,
          sum(${quizResponses.correct}::int) over (partition by ${quizResponses.attemptId}) - ${quizResponses.correct}::int as rest
        from ${quizResponses}
        join ${quizAttempts} on ${quizAttempts.id} = ${quizResponses.attemptId}
        where ${countedAttemptSql()}
      ),
      items as (
        select version_id, item_id, count(*)::int as responses, sum(right_)::int as correct,
          corr(right_, rest) as point_biserial
        from r group by version_id, item_id
      ),
      picks as (
        select version_id, item_id, jsonb_object_agg(option_id, n) as option_counts
        from (
          select version_id, item_id, option_id, count(*)::int as n
          from r, unnest(r.chosen) as option_id
          group by version_id, item_id, option_id
        ) p
        group by version_id, item_id
      )
      select items.version_id::text as version_id, items.item_id, items.responses, items.correct, items.point_biserial,
        picks.option_counts
      from items
      left join picks on picks.version_id = items.version_id and picks.item_id = items.item_id`,
    ),
    execRows<{ version_id: string; n: number }>(
      db,
      sql`select ${quizAttempts.moduleVersionId}::text as version_id, count(*)::int as n
        from ${quizAttempts} where ${countedAttemptSql()} group by ${quizAttempts.moduleVersionId}`,
    ),
    db
      .selectDistinctOn([moduleVersions.moduleId], { id: moduleVersions.id })
      .from(moduleVersions)
      .orderBy(moduleVersions.moduleId, desc(moduleVersions.version)),
  ]);

  const attemptsOf = new Map(attempts.map((a) => [a.version_id, Number(a.n)]));
  const byVersion = new Map<string, Map<string, Row>>();
  for (const id of [...attemptsOf.keys(), ...latest.map((l) => l.id)]) byVersion.set(id, new Map());
  for (const row of rows) byVersion.get(row.version_id)?.set(row.item_id, row);

  const titles = new Map((await db.select({ id: modules.id, title: modules.title }).from(modules)).map((m) => [m.id, m.title] as const));
  const versions: VersionAnalysis[] = [];
  for (const [versionId, itemRows] of byVersion) {
    const version = await getModuleVersion(versionId);
    if (!version) continue;
    const { content } = version;
    // a module published without a quiz bank (content made outside the built-in schema) has nothing to analyse
    const bank = Array.isArray(content.quiz) ? content.quiz : [];
    const ideas = Array.isArray(content.ideas) ? content.ideas : [];
    const items: ItemAnalysis[] = bank.map((item) => {
      const row = itemRows.get(item.id);
      itemRows.delete(item.id);
      const idea = ideas.find((i) => i.id === item.ideaId);
      return analyse(row, {
        itemId: item.id,
        prompt: item.prompt,
        kind: item.kind,
        ideaId: item.ideaId,
        ideaLabel: idea?.label ?? null,
        options: item.options.map((o) => ({ optionId: o.id, text: o.text, correct: o.correct })),
      });
    });
    // responses to an item the version's bank does not hold (never written by the app): shown by id
    for (const row of itemRows.values())
      items.push(analyse(row, { itemId: row.item_id, prompt: row.item_id, kind: null, ideaId: null, ideaLabel: null, options: [] }));
    if (!items.length) continue;
    versions.push({
      versionId,
      moduleId: version.moduleId,
      moduleTitle: titles.get(version.moduleId) ?? version.title,
      version: version.version,
      attempts: attemptsOf.get(versionId) ?? 0,
      items,
    });
  }
  return versions.sort((a, b) => a.moduleTitle.localeCompare(b.moduleTitle) || b.version - a.version);
}

function analyse(
  row: Row | undefined,
  item: Omit<ItemAnalysis, "responses" | "correct" | "difficulty" | "discrimination" | "flags" | "options"> & {
    options: Omit<OptionAnalysis, "chosen" | "share">[];
  },
): ItemAnalysis {
  const responses = Number(row?.responses ?? 0);
  const correct = Number(row?.correct ?? 0);
  const difficulty = responses ? correct / responses : null;
  const discrimination = row?.point_biserial == null ? null : Number(row.point_biserial);
  const counts: Record<string, number> =
    typeof row?.option_counts === "string" ? JSON.parse(row.option_counts) : (row?.option_counts ?? {});
  const options: OptionAnalysis[] = item.options.map((o) => {
    const chosen = Number(counts[o.optionId] ?? 0);
    return { ...o, chosen, share: responses ? chosen / responses : null };
  });
  return { ...item, responses, correct, difficulty, discrimination, flags: flagsOf({ responses, difficulty, discrimination }), options };
}
