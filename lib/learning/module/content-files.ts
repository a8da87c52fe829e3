/**
 * Module content as data: each built-in module is a folder under the repo's
 * `content/` (for example `content/boundaries/`), written in YAML so an author
 * edits text without reading TypeScript. The files are read at run time from
 * the working tree, not bundled (hence the turbopackIgnore comments: the
 * build must not trace the whole project for these reads):
 *
 *   module.yaml          everything except the lesson and the item bank
 *   sections/NN-<id>.yaml one lesson section per file, shown in file-name order
 *   items/*.yaml          lists of quiz items, joined in file-name order
 *
 * Each file is checked on its own, then the assembled module is checked with
 * currentContentSchema (moduleContentSchema, which publishModule applies,
 * plus the parts every new version must have). Every problem
 * is reported with the file it is in and the path inside that file, e.g.
 * `content/boundaries/items/02-x.yaml: [1].options[0].explanation: Too small…`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { env } from "@/lib/platform/env";
import { currentContentSchema, moduleFieldsSchema, quizItemSchema, sectionSchema, type ModuleContent } from "./content-schema";

/** A content folder that cannot be published; the message lists every problem, one per line. */
export class ContentFileError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: string[],
  ) {
    super(`Module content in ${dir} is not valid:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ContentFileError";
  }
}

const YAML = /\.ya?ml$/;
const SECTION_FILE = /^\d+-([a-z0-9-]+)\.ya?ml$/;

/**
 * The `content/` folder: COHORT_CONTENT_DIR when set (relative to the working
 * directory), else the nearest `content/` beside a package.json at or above
 * the working directory — the repo root under `next start`, vitest, Playwright
 * and `tsx scripts/…`, also when started from a subfolder.
 */
export function contentRoot(): string {
  const override = env().COHORT_CONTENT_DIR;
  if (override) return path.resolve(/*turbopackIgnore: true*/ override);
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "content"))) return path.join(dir, "content");
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(
    `No content/ folder found at or above ${process.cwd()}; set COHORT_CONTENT_DIR to the folder holding the module content.`,
  );
}

type Path = readonly PropertyKey[];

/** `[1].options[0].explanation` */
function showPath(p: Path): string {
  return p.map((k, i) => (typeof k === "number" ? `[${k}]` : `${i === 0 ? "" : "."}${String(k)}`)).join("") || "(whole file)";
}

/** Parse and check every file of one module folder, then the module as a whole. Throws ContentFileError listing every problem. */
export function loadModuleDir(dir: string): ModuleContent {
  // repo-relative when inside the working directory (content/boundaries/…), else absolute
  const shown = (file: string) => {
    const rel = path.relative(process.cwd(), file);
    return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
  };
  const problems: string[] = [];
  const report = (file: string, p: Path, message: string) => problems.push(`${shown(file)}: ${showPath(p)}: ${message}`);

  function read<T>(file: string, schema: z.ZodType<T>): T | undefined {
    let data: unknown;
    try {
      data = parseYaml(readFileSync(file, "utf8"), { prettyErrors: true });
    } catch (err) {
      problems.push(`${shown(file)}: ${(err as Error).message.split("\n")[0].replace(/:$/, "")}`);
      return undefined;
    }
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    for (const i of result.error.issues) report(file, i.path, i.message);
    return undefined;
  }
  const list = (sub: string) => {
    const d = path.join(dir, sub);
    return existsSync(d)
      ? readdirSync(d)
          .filter((f) => YAML.test(f))
          .sort()
      : [];
  };

  const moduleFile = path.join(dir, "module.yaml");
  if (!existsSync(moduleFile)) throw new ContentFileError(shown(dir), [`${shown(moduleFile)}: file not found`]);
  const meta = read(moduleFile, moduleFieldsSchema.omit({ sections: true, quiz: true }).strict());

  const sectionFiles = list("sections").map((f) => path.join(dir, "sections", f));
  const sections = sectionFiles.map((file) => {
    const section = read(file, sectionSchema.strict());
    const idInName = SECTION_FILE.exec(path.basename(file))?.[1];
    if (!idInName) report(file, [], `a section file is named NN-<section id>.yaml`);
    else if (section && section.id !== idInName)
      report(file, ["id"], `the id "${section.id}" does not match the file name (…-${idInName}.yaml)`);
    return section;
  });

  // where each item of the assembled bank came from, to point a module-level problem back at its file
  const itemSource: { file: string; index: number }[] = [];
  const quiz = list("items").flatMap((f) => {
    const file = path.join(dir, "items", f);
    const items = read(file, z.array(quizItemSchema.strict())) ?? [];
    items.forEach((_, index) => itemSource.push({ file, index }));
    return items;
  });

  if (problems.length === 0 && meta) {
    const result = currentContentSchema.safeParse({ ...meta, sections, quiz });
    if (result.success) return result.data;
    for (const i of result.error.issues) {
      const [top, index, ...rest] = i.path;
      if (top === "sections" && typeof index === "number") report(sectionFiles[index], rest, i.message);
      else if (top === "quiz" && typeof index === "number") report(itemSource[index].file, [itemSource[index].index, ...rest], i.message);
      else if (top === "sections" || top === "quiz") report(path.join(dir, top === "quiz" ? "items" : "sections"), [], i.message);
      else report(moduleFile, i.path, i.message);
    }
  }
  throw new ContentFileError(shown(dir), problems);
}

const loaded = new Map<string, ModuleContent>();

/** The built-in module in content/<slug>/, read and checked once per process. */
export function loadBuiltInModule(slug: string): ModuleContent {
  let content = loaded.get(slug);
  if (!content) {
    content = loadModuleDir(path.join(/*turbopackIgnore: true*/ contentRoot(), slug));
    if (content.slug !== slug)
      throw new ContentFileError(slug, [`module.yaml: slug: "${content.slug}" must match its folder name "${slug}"`]);
    loaded.set(slug, content);
  }
  return content;
}

/** Every built-in module: each folder of content/ holding a module.yaml, by folder name. */
export function loadBuiltInModules(): ModuleContent[] {
  const root = contentRoot();
  return readdirSync(/*turbopackIgnore: true*/ root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, "module.yaml")))
    .map((d) => d.name)
    .sort()
    .map(loadBuiltInModule);
}

/** Why the built-in content cannot be published (every problem, with file and path), or null. Checked when a server starts. */
export function builtInContentProblem(): string | null {
  try {
    loadBuiltInModules();
    return null;
  } catch (err) {
    return `Cohort cannot start: ${(err as Error).message}`;
  }
}
