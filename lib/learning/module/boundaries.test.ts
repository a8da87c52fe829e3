import { describe, it, expect } from "vitest";
import { BRITISH } from "@/lib/platform/us-spelling";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { boundariesV1 } from "@/db/test/v1-content";
import { boundariesModule } from "./boundaries";
import { currentContentSchema, moduleContentSchema, type ModuleContent } from "./content-schema";
import { allContentText, fleschKincaidGrade, moduleText, sectionText } from "./readability";
import { normaliseWords, shingleHashes } from "./ngrams";
import { absoluteRates, estimateMinutes, ideaItemMap, keyIsLongest, lengthRatio, passRate, randomGuesser, testWiseBot } from "./bank-stats";
import articleShingles from "./article-shingles.json";

const here = path.dirname(fileURLToPath(import.meta.url));
// The article lives outside the repo: ../shared/seed beside the repo (as in CI's clone), or
// COHORT_SHARED_DIR/seed for a checkout elsewhere (e.g. a git worktree).
const ARTICLE_PATH = path.join(
  process.env.COHORT_SHARED_DIR ?? path.resolve(here, "../../../../shared"),
  "seed/crss-professional-relationships-article.txt",
);
const hasArticle = existsSync(ARTICLE_PATH);

const articleSet = new Set<string>(articleShingles as string[]);

/** Every 8-word run of `text` that also appears in the article. */
function copiedRuns(text: string): string[] {
  const words = normaliseWords(text);
  const hashes = shingleHashes(text, 8);
  return hashes.map((h, i) => (articleSet.has(h) ? words.slice(i, i + 8).join(" ") : null)).filter((r): r is string => r !== null);
}

function issueMessages(content: unknown): string[] {
  const result = moduleContentSchema.safeParse(content);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe("boundaries module content", () => {
  it("parses and has the expected shape", () => {
    const m = currentContentSchema.parse(boundariesModule);
    expect(m.slug).toBe("boundaries");
    expect(m.sections.length).toBeGreaterThanOrEqual(5);
    expect(m.quiz.length).toBeGreaterThanOrEqual(30);
    expect(m.reflections).toHaveLength(3);
    expect(m.drawCount).toBeLessThanOrEqual(m.quiz.length);
    expect(new Set(m.quiz.map((q) => q.kind))).toEqual(new Set(["single", "multiple", "truefalse", "scenario"]));
  });

  it("tests every misconception with at least 2 items", () => {
    for (const idea of boundariesModule.ideas.filter((i) => i.kind === "misconception")) {
      const n = boundariesModule.quiz.filter((q) => q.ideaId === idea.id).length;
      expect(n, idea.id).toBeGreaterThanOrEqual(2);
    }
  });

  it("reads at Flesch–Kincaid grade 8 or below in every section", () => {
    const grade = fleschKincaidGrade(moduleText(boundariesModule));
    const all = fleschKincaidGrade(allContentText(boundariesModule));
    console.log(
      `FK grade — lesson: ${grade.toFixed(2)}, all content: ${all.toFixed(2)}; per section: ` +
        boundariesModule.sections.map((s) => `${s.id}=${fleschKincaidGrade(sectionText(s)).toFixed(2)}`).join(", "),
    );
    expect(grade).toBeLessThanOrEqual(8);
    for (const s of boundariesModule.sections) {
      expect(fleschKincaidGrade(sectionText(s)), s.id).toBeLessThanOrEqual(8);
    }
  });

  it("copies no 8-word run from the source article", () => {
    expect(articleSet.size).toBeGreaterThan(100);
    // a citation names its source's title, which is the point of citing it; everything else is our own wording
    const uncited = { ...boundariesModule, references: boundariesModule.references?.map((r) => ({ ...r, citation: "" })) };
    expect(copiedRuns(allContentText(uncited))).toEqual([]);
    expect(copiedRuns(allContentText(boundariesV1))).toEqual([]);
  });

  it.skipIf(!hasArticle)(
    `article-shingles.json is up to date with the article${hasArticle ? "" : ` (skipped: no article at ${ARTICLE_PATH})`}`,
    () => {
      const fresh = [...new Set(shingleHashes(readFileSync(ARTICLE_PATH, "utf8"), 8))].sort();
      expect(articleShingles).toEqual(fresh);
    },
  );

  it.skipIf(!hasArticle)(
    `the no-copy check detects a copied run, read from the article at test time${hasArticle ? "" : ` (skipped: no article at ${ARTICLE_PATH})`}`,
    () => {
      // a run of 12 words from the middle of the article's longest paragraph, set between words of our own
      const paragraph = readFileSync(ARTICLE_PATH, "utf8")
        .split(/\n\s*\n/)
        .sort((a, b) => b.length - a.length)[0];
      const words = paragraph.split(/\s+/).filter(Boolean);
      const start = Math.floor(words.length / 2) - 6;
      const copied = words.slice(start, start + 12).join(" ");
      const runs = copiedRuns(`Some fresh words first. ${copied} And more of our own.`);
      expect(runs.length).toBeGreaterThanOrEqual(5);
      expect(runs).toContain(normaliseWords(copied).slice(0, 8).join(" "));
      // curly quotes and a different case do not hide a copy
      expect(copiedRuns(copied.toUpperCase().replace(/'/g, "\u2019")).length).toBeGreaterThanOrEqual(5);
    },
  );
});

/** The eight ideas of the source article, the spine of the module since version 1. */
const SPINE = [
  "trust-rapport",
  "friendship-myth",
  "empathy-distance-balance",
  "professionalism-focus",
  "misc-emotional-engagement",
  "misc-personal-relationships",
  "misc-blending-roles",
  "summary-balance",
];

describe("version 2 of the content", () => {
  const m = boundariesModule;
  const text = allContentText(m);

  it("uses US spelling", () => {
    expect(text.match(BRITISH) ?? []).toEqual([]);
    // the check itself catches British spellings
    expect("The centre honoured her judgement; the counsellor apologised.".match(BRITISH)).toHaveLength(5);
  });

  it("speaks of the person you support, never of a client", () => {
    expect(text.match(/\bclients?\b/gi) ?? []).toEqual([]);
    expect(text.match(/the (person|people) you support/gi)!.length).toBeGreaterThanOrEqual(15);
    expect(text.match(/\b(addicts?|alcoholics?|junkies|schizophrenics?|the mentally ill)\b/gi) ?? []).toEqual([]);
  });

  it("teaches, tests and asks for reflection on each of the article's eight ideas", () => {
    for (const id of SPINE) {
      expect(
        m.ideas.some((i) => i.id === id),
        id,
      ).toBe(true);
      expect(
        m.sections.some((s) => s.ideaIds.includes(id)),
        `${id} taught`,
      ).toBe(true);
      expect(
        m.quiz.some((q) => q.ideaId === id),
        `${id} tested`,
      ).toBe(true);
      expect(
        m.reflections.some((r) => r.ideaIds?.includes(id)),
        `${id} reflected on`,
      ).toBe(true);
    }
  });

  it("covers the topics a certification board expects, each taught and tested", () => {
    const topics = [
      "self-disclosure",
      "confidentiality",
      "dual-relationships",
      "gifts-money",
      "contact-after-hours",
      "romantic-relationships",
      "scope-of-practice",
      "supervision-consultation",
      "crossing-vs-violation",
      "worker-self-care",
    ];
    for (const id of topics) {
      expect(
        m.sections.some((s) => s.ideaIds.includes(id)),
        `${id} taught`,
      ).toBe(true);
      expect(
        m.quiz.some((q) => q.ideaId === id),
        `${id} tested`,
      ).toBe(true);
    }
    for (const word of [
      "boundary",
      "dual relationship",
      "self-disclosure",
      "confidentiality",
      "mandated reporter",
      "sponsor",
      "warmline",
      "988",
      "supervisor",
    ]) {
      expect(moduleText(m).toLowerCase(), word).toContain(word);
    }
  });

  it("opens with 3–5 objectives and defines the key terms in one line each", () => {
    expect(m.objectives!.length).toBeGreaterThanOrEqual(3);
    expect(m.objectives!.length).toBeLessThanOrEqual(5);
    const terms = m.definitions!.map((d) => d.term.toLowerCase());
    for (const term of ["boundary", "dual relationship", "boundary crossing", "boundary violation", "self-disclosure"])
      expect(terms).toContain(term);
    for (const d of m.definitions!) expect(d.definition.split(/(?<=\.)\s/), d.term).toHaveLength(1);
  });

  it("has the decision aid's three questions", () => {
    const questions = m.decisionAid!.questions.map((q) => q.question.toLowerCase());
    expect(questions).toHaveLength(3);
    expect(questions[0]).toContain("whose needs");
    expect(questions[1]).toMatch(/code.*policy/);
    expect(questions[2]).toContain("supervisor");
  });

  it("has a debrief for every scenario and a knowledge check with feedback on every option after every section", () => {
    for (const s of m.sections) {
      expect(s.scenario.debrief!.split(/\s+/).length, s.id).toBeGreaterThanOrEqual(30);
      expect(s.knowledgeCheck!.length, s.id).toBeGreaterThanOrEqual(1);
      for (const c of s.knowledgeCheck!) for (const o of c.options) expect(o.feedback.length).toBeGreaterThanOrEqual(20);
    }
  });

  it("sets at least two scenarios in mental-health recovery", () => {
    const mentalHealth = /\b(depression|anxiety|bipolar|schizophrenia|panic attacks|eating disorder|psychiatric)\b/i;
    expect(m.sections.filter((s) => mentalHealth.test(s.scenario.text)).length).toBeGreaterThanOrEqual(2);
    expect(m.quiz.filter((q) => q.scenario && mentalHealth.test(q.scenario)).length).toBeGreaterThanOrEqual(2);
  });

  it("cites the codes and guidelines it draws on", () => {
    const citations = m.references!.map((r) => r.citation).join("\n");
    for (const source of [
      /ICB/,
      /CRSS/,
      /IC&RC/,
      /Peer Recovery/,
      /SAMHSA/,
      /Core Competencies for Peer Workers/,
      /N\.A\.P\.S\./,
      /National Practice Guidelines/,
    ]) {
      expect(citations).toMatch(source);
    }
  });

  it("asks reflection writers to leave out names and identifying details, and scores reflections with the rubric", () => {
    for (const r of m.reflections) expect(r.prompt, r.id).toMatch(/(leave out|do not use|no) (real )?names/i);
    const rubric = m.reflectionRubric!;
    expect(rubric.criteria.map((c) => c.id)).toEqual(["situation", "reasoning", "words", "support", "privacy"]);
    expect(rubric.criteria.length * 2).toBe(10);
    expect(rubric.acceptAt).toBe(7);
    expect(rubric.noZeroIn).toEqual(["reasoning", "privacy"]);
  });

  it("keeps the idea-to-item map in content/README.md current", () => {
    const readme = readFileSync(path.resolve(here, "../../../content/README.md"), "utf8");
    expect(readme).toContain(ideaItemMap(m));
  });

  it("estimates its minutes from its length, consistent with the contact hours it awards", () => {
    const t = estimateMinutes(m);
    console.log(
      `time — reading ${t.reading.toFixed(1)} + knowledge checks ${t.checks.toFixed(1)} + quiz ${t.quiz.toFixed(1)} + reflections ${t.reflections.toFixed(1)} = ${t.total.toFixed(1)} min`,
    );
    expect(Math.abs(m.estimatedMinutes - t.total) / t.total).toBeLessThanOrEqual(0.1);
    // one contact hour is one clock hour
    expect(Math.abs(m.estimatedMinutes - m.contactHours * 60) / (m.contactHours * 60)).toBeLessThanOrEqual(0.1);
  });
});

describe("the item bank measures understanding, not test-taking", () => {
  const m = boundariesModule;
  const byKind = (kind: string) => m.quiz.filter((q) => q.kind === kind).length;

  it("has at least 30 items, mostly single-best-answer scenarios, at most 4 true/false, each tagged with an idea and an area", () => {
    expect(m.quiz.length).toBeGreaterThanOrEqual(30);
    expect(byKind("truefalse")).toBeLessThanOrEqual(4);
    expect(byKind("scenario") + byKind("single")).toBeGreaterThan(m.quiz.length / 2);
    expect(byKind("scenario")).toBeGreaterThan(Math.max(byKind("single"), byKind("multiple"), byKind("truefalse")));
    for (const q of m.quiz) {
      expect(
        m.ideas.some((i) => i.id === q.ideaId),
        q.id,
      ).toBe(true);
      expect(
        m.competencyAreas!.some((a) => a.id === q.area),
        q.id,
      ).toBe(true);
    }
  });

  it("hides no key in the option lengths", () => {
    const longest = m.quiz.filter(keyIsLongest);
    expect(longest.length / m.quiz.length, longest.map((q) => q.id).join(", ")).toBeLessThanOrEqual(0.3);
    for (const q of m.quiz) expect(lengthRatio(q), q.id).toBeLessThanOrEqual(1.6);
  });

  it("uses absolutes as often in correct options as in wrong ones", () => {
    const { correct, wrong } = absoluteRates(m);
    expect(correct.with).toBeGreaterThan(0);
    expect(Math.abs(correct.rate - wrong.rate)).toBeLessThanOrEqual(0.05);
    // true/false: a statement with an absolute is as often true as false
    const tf = m.quiz.filter((q) => q.kind === "truefalse" && /\b(always|never|only|no risk)\b/i.test(q.prompt));
    const trueOnes = tf.filter((q) => q.options.find((o) => o.correct)!.id === "true").length;
    expect(Math.abs(trueOnes - (tf.length - trueOnes))).toBeLessThanOrEqual(1);
  });

  it("is passed by a test-wise bot in at most 1 % and by a random guesser in at most 0.1 % of 10,000 drawn forms", () => {
    const bot = passRate(m, testWiseBot, 10_000, 1);
    const guesser = passRate(m, randomGuesser, 10_000, 2);
    console.log(
      `pass rates over 10,000 forms — test-wise bot ${bot.passed} (${(100 * bot.rate).toFixed(2)} %), random guesser ${guesser.passed} (${(100 * guesser.rate).toFixed(2)} %)`,
    );
    expect(bot.rate).toBeLessThanOrEqual(0.01);
    expect(guesser.rate).toBeLessThanOrEqual(0.001);
    // the simulation can fail: version 1's bank (the key always the longest option) let the same bot pass about a third of its forms
    expect(passRate(boundariesV1, testWiseBot, 2_000, 3).rate).toBeGreaterThan(0.2);
  });
});

describe("version 1 as stored", () => {
  it("still parses for the pages that read it, but is not complete enough to publish as new content", () => {
    expect(moduleContentSchema.parse(boundariesV1)).toEqual(boundariesV1);
    expect(currentContentSchema.safeParse(boundariesV1).success).toBe(false);
  });
});

describe("moduleContentSchema rejects broken content", () => {
  const clone = (): ModuleContent => structuredClone(boundariesModule);

  it("accepts the unmodified content", () => {
    expect(issueMessages(clone())).toEqual([]);
  });

  it("a single-choice item with two correct options", () => {
    const broken = clone();
    const item = broken.quiz.find((q) => q.kind === "single")!;
    item.options[0].correct = true;
    item.options[1].correct = true;
    expect(issueMessages(broken)).toContainEqual(
      expect.stringContaining(`"${item.id}" (single) must have exactly one correct option, found 2`),
    );
  });

  it("an item tagged with an unknown idea", () => {
    const broken = clone();
    broken.quiz[0].ideaId = "no-such-idea";
    expect(issueMessages(broken)).toContainEqual(expect.stringContaining(`references unknown idea "no-such-idea"`));
  });

  it("a duplicate item id", () => {
    const broken = clone();
    broken.quiz[1].id = broken.quiz[0].id;
    expect(issueMessages(broken)).toContainEqual(`Duplicate quiz item id "${broken.quiz[0].id}"`);
  });

  it("a true/false item with wrong option ids", () => {
    const broken = clone();
    const item = broken.quiz.find((q) => q.kind === "truefalse")!;
    item.options[0].id = "yes";
    expect(issueMessages(broken)).toContainEqual(expect.stringContaining(`must have exactly 2 options with ids "true" and "false"`));
  });

  it("a multiple-select item with only one correct option", () => {
    const broken = clone();
    const item = broken.quiz.find((q) => q.kind === "multiple")!;
    item.options.forEach((o, i) => (o.correct = i === 0));
    expect(issueMessages(broken)).toContainEqual(expect.stringContaining(`(multiple) must have at least 2 correct options`));
  });

  it("a scenario item without scenario text, an untested idea, a missing kind and a too-large draw", () => {
    const broken = clone();
    const scenarioItem = broken.quiz.find((q) => q.kind === "scenario")!;
    delete scenarioItem.scenario;
    broken.ideas.push({ id: "orphan-idea", label: "Not taught or tested", kind: "idea" });
    broken.quiz = broken.quiz.filter((q) => q.kind !== "multiple");
    broken.drawCount = 99;
    const messages = issueMessages(broken);
    expect(messages).toContainEqual(expect.stringContaining("must have scenario text"));
    expect(messages).toContain(`Idea "orphan-idea" is not covered by any section`);
    expect(messages).toContain(`Idea "orphan-idea" is not covered by any quiz item`);
    expect(messages).toContain(`Quiz bank has no item of kind "multiple"`);
    expect(messages).toContainEqual(expect.stringContaining("drawCount (99)"));
  });
});
