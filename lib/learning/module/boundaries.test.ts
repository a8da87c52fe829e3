import { describe, it, expect } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { boundariesModule } from "./boundaries";
import { moduleContentSchema, type ModuleContent } from "./content-schema";
import { allContentText, fleschKincaidGrade, moduleText, sectionText } from "./readability";
import { normaliseWords, shingleHashes } from "./ngrams";
import articleShingles from "./article-shingles.json";

const here = path.dirname(fileURLToPath(import.meta.url));
// The article lives outside the repo (../shared/seed relative to the repo root).
const ARTICLE_PATH = path.resolve(
  here,
  "../../../shared/seed/crss-professional-relationships-article.txt",
);

const articleSet = new Set<string>(articleShingles as string[]);

/** Every 8-word run of `text` that also appears in the article. */
function copiedRuns(text: string): string[] {
  const words = normaliseWords(text);
  const hashes = shingleHashes(text, 8);
  return hashes
    .map((h, i) => (articleSet.has(h) ? words.slice(i, i + 8).join(" ") : null))
    .filter((r): r is string => r !== null);
}

function issueMessages(content: unknown): string[] {
  const result = moduleContentSchema.safeParse(content);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe("boundaries module content", () => {
  it("parses and has the expected shape", () => {
    const m = moduleContentSchema.parse(boundariesModule);
    expect(m.slug).toBe("boundaries");
    expect(m.sections.length).toBeGreaterThanOrEqual(5);
    expect(m.sections.length).toBeLessThanOrEqual(7);
    expect(m.quiz.length).toBeGreaterThanOrEqual(12);
    expect(m.reflections).toHaveLength(3);
    expect(m.drawCount).toBeLessThanOrEqual(m.quiz.length);
    expect(new Set(m.quiz.map((q) => q.kind))).toEqual(
      new Set(["single", "multiple", "truefalse", "scenario"]),
    );
  });

  it("tests every misconception with at least 2 items", () => {
    for (const idea of boundariesModule.ideas.filter((i) => i.kind === "misconception")) {
      const n = boundariesModule.quiz.filter((q) => q.ideaId === idea.id).length;
      expect(n, idea.id).toBeGreaterThanOrEqual(2);
    }
  });

  it("reads at Flesch–Kincaid grade 9 or below", () => {
    const grade = fleschKincaidGrade(moduleText(boundariesModule));
    const all = fleschKincaidGrade(allContentText(boundariesModule));
    console.log(
      `FK grade — lesson: ${grade.toFixed(2)}, all content: ${all.toFixed(2)}; per section: ` +
        boundariesModule.sections
          .map((s) => `${s.id}=${fleschKincaidGrade(sectionText(s)).toFixed(2)}`)
          .join(", "),
    );
    expect(grade).toBeLessThanOrEqual(9);
    for (const s of boundariesModule.sections) {
      expect(fleschKincaidGrade(sectionText(s)), s.id).toBeLessThanOrEqual(10);
    }
  });

  it("copies no 8-word run from the source article", () => {
    expect(articleSet.size).toBeGreaterThan(100);
    expect(copiedRuns(allContentText(boundariesModule))).toEqual([]);
  });

  it("article-shingles.json is up to date with the article", () => {
    // The article sits outside the repo. When it is absent (e.g. a fresh clone
    // without ../shared), this check cannot run; the committed JSON is used as is.
    if (!existsSync(ARTICLE_PATH)) {
      console.warn(`Article not found at ${ARTICLE_PATH}; skipping freshness check.`);
      return;
    }
    const fresh = [...new Set(shingleHashes(readFileSync(ARTICLE_PATH, "utf8"), 8))].sort();
    expect(articleShingles).toEqual(fresh);
  });

  it("the no-copy check detects a copied run", () => {
    // A phrase taken from the article on purpose (tests are not product).
    const copied = "Building trust and rapport is essential. After all, clients need to feel heard.";
    const runs = copiedRuns(`Some fresh words first. ${copied} And more of our own.`);
    expect(runs.length).toBeGreaterThan(0);
    expect(runs).toContain("building trust and rapport is essential after all");
    // Curly quotes and different case do not hide a copy.
    expect(copiedRuns("HERE’S THE CATCH: WHILE IT’S VITAL TO FOSTER A CONNECTION").length).toBeGreaterThan(0);
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
    expect(issueMessages(broken)).toContainEqual(
      expect.stringContaining(`references unknown idea "no-such-idea"`),
    );
  });

  it("a duplicate item id", () => {
    const broken = clone();
    broken.quiz[1].id = broken.quiz[0].id;
    expect(issueMessages(broken)).toContainEqual(
      `Duplicate quiz item id "${broken.quiz[0].id}"`,
    );
  });

  it("a true/false item with wrong option ids", () => {
    const broken = clone();
    const item = broken.quiz.find((q) => q.kind === "truefalse")!;
    item.options[0].id = "yes";
    expect(issueMessages(broken)).toContainEqual(
      expect.stringContaining(`must have exactly 2 options with ids "true" and "false"`),
    );
  });

  it("a multiple-select item with only one correct option", () => {
    const broken = clone();
    const item = broken.quiz.find((q) => q.kind === "multiple")!;
    item.options.forEach((o, i) => (o.correct = i === 0));
    expect(issueMessages(broken)).toContainEqual(
      expect.stringContaining(`(multiple) must have at least 2 correct options`),
    );
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
