import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { moduleVersions } from "@/db/schema";
import { setupTestDb } from "@/db/test/test-db";
import { builtInContentProblem, ContentFileError, contentRoot, loadBuiltInModule, loadModuleDir } from "./content-files";
import { moduleContentSchema } from "./content-schema";
import { publishModule } from "./publish";

const t = setupTestDb();
const SOURCE = path.join(contentRoot(), "boundaries");
const copies: string[] = [];

/** A private copy of content/boundaries/ to change. */
function copyOfContent(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "cohort-content-")), "boundaries");
  cpSync(SOURCE, dir, { recursive: true });
  copies.push(path.dirname(dir));
  return dir;
}

function edit(file: string, change: (text: string) => string) {
  const before = readFileSync(file, "utf8");
  const after = change(before);
  expect(after, `edit of ${file} changed nothing`).not.toBe(before);
  writeFileSync(file, after);
}

function problemsOf(dir: string): string[] {
  try {
    loadModuleDir(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(ContentFileError);
    return (err as ContentFileError).problems;
  }
  throw new Error("expected the content to be refused");
}

afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("content files", () => {
  it("the repo's content/boundaries/ loads, validates and is the built-in module", () => {
    const m = loadBuiltInModule("boundaries");
    expect(moduleContentSchema.parse(m)).toEqual(m);
    expect(loadModuleDir(SOURCE)).toEqual(m);
    expect(builtInContentProblem()).toBeNull();
  });

  it("names the file and the path inside it for a broken field", () => {
    const dir = copyOfContent();
    const itemsFile = path.join(dir, "items", "1-connection.yaml");
    edit(itemsFile, (s) => s.replace(/explanation: .*/, "explanation: Too short."));
    edit(path.join(dir, "module.yaml"), (s) => s.replace("passMark: 80", "passMark: 180"));
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(expect.stringMatching(/items\/1-connection\.yaml: \[0\]\.options\[0\]\.explanation: .*20/));
    expect(problems).toContainEqual(expect.stringMatching(/module\.yaml: passMark: .*100/));
  });

  it("names the file of a module-level problem (an item tagged with an unknown idea)", () => {
    const dir = copyOfContent();
    edit(path.join(dir, "items", "2-roles.yaml"), (s) => s.replace("ideaId: friendship-myth", "ideaId: no-such-idea"));
    expect(problemsOf(dir)).toContainEqual(
      expect.stringMatching(/items\/2-roles\.yaml: \[0\]\.ideaId: Quiz item "friendship-belief" references unknown idea "no-such-idea"/),
    );
  });

  it("refuses a YAML syntax error, a misspelled field and a section file named after another id", () => {
    const dir = copyOfContent();
    edit(path.join(dir, "sections", "01-trust-and-rapport.yaml"), (s) => s.replace("keyPoints:", "keyPoints: [unclosed"));
    edit(path.join(dir, "items", "3-privacy.yaml"), (s) => s.replace("  prompt:", "  promt:"));
    renameSync(path.join(dir, "sections", "02-warm-and-clear.yaml"), path.join(dir, "sections", "02-warm.yaml"));
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(expect.stringMatching(/sections\/01-trust-and-rapport\.yaml: /));
    expect(problems).toContainEqual(expect.stringMatching(/items\/3-privacy\.yaml: \[0\]: .*promt/));
    expect(problems).toContainEqual(expect.stringMatching(/sections\/02-warm\.yaml: id: the id "warm-and-clear" does not match/));
  });

  it("refuses new content without a part that version 2 on requires (a scenario's debrief)", () => {
    const dir = copyOfContent();
    edit(path.join(dir, "sections", "03-sharing-your-story.yaml"), (s) => s.replace(/\n  debrief: .*/, ""));
    expect(problemsOf(dir)).toContainEqual(
      expect.stringMatching(/sections\/03-sharing-your-story\.yaml: scenario\.debrief: Required for new content/),
    );
  });

  it("a changed content file publishes a new version; an unchanged one does not", async () => {
    const dir = copyOfContent();
    const slug = `boundaries-${randomBytes(4).toString("hex")}`;
    edit(path.join(dir, "module.yaml"), (s) => s.replace("slug: boundaries", `slug: ${slug}`));
    const first = await publishModule(loadModuleDir(dir));
    expect(first).toMatchObject({ version: 1, created: true });
    expect(await publishModule(loadModuleDir(dir))).toMatchObject({ versionId: first.versionId, created: false });

    edit(path.join(dir, "sections", "01-trust-and-rapport.yaml"), (s) => s.replace("Recovery is personal.", "Recovery is very personal."));
    const second = await publishModule(loadModuleDir(dir));
    expect(second).toMatchObject({ moduleId: first.moduleId, version: 2, created: true });
    const [row] = await t.db.select().from(moduleVersions).where(eq(moduleVersions.id, second.versionId));
    expect((row.content as { sections: { paragraphs: string[] }[] }).sections[0].paragraphs[0]).toMatch(/^Recovery is very personal\./);
  });
});
