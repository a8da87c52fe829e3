/**
 * Product text in US spelling: every sentence people read in the app, the
 * emails and the messages lib/ returns. Code names (organisationName, the
 * enrolments table, /enrol paths) are not text people read: only string
 * literals and JSX text that look like prose (a space, no SQL) are checked.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BRITISH } from "./us-spelling";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DIRS = ["app", "emails", "lib"];

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return walk(p);
    return /\.(ts|tsx)$/.test(p) && !/\.test\.tsx?$/.test(p) ? [p] : [];
  });
}

/** Sentences in a source file: quoted strings, template text and JSX text with a space in them, outside comments and SQL. */
export function prose(source: string): string[] {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "")
    .replace(/sql(<[^`]*?>)?`[^`]*`/g, "");
  const pieces = [...code.matchAll(/"([^"\n]*)"|`([^`]*)`|>([^<>{}]+)</g)].map((m) =>
    (m[1] ?? m[2] ?? m[3] ?? "").replace(/\$\{[^}]*\}/g, " "),
  );
  return pieces.filter((p) => /[A-Za-z]+ [A-Za-z]+/.test(p) && !/^\s*(import|from)\b/.test(p) && !p.includes("@/"));
}

describe("product text", () => {
  it("is in US spelling", () => {
    const found = DIRS.flatMap((d) => walk(path.join(ROOT, d))).flatMap((file) =>
      prose(fs.readFileSync(file, "utf8")).flatMap((p) =>
        (p.match(BRITISH) ?? []).map((w) => `${path.relative(ROOT, file)}: "${w}" in "${p.trim().slice(0, 80)}"`),
      ),
    );
    expect(found).toEqual([]);
  });

  it("finds British spellings in a sentence and leaves code names alone", () => {
    expect(prose('const label = "Download cancelled.";').join(" ").match(BRITISH)).toEqual(["cancelled"]);
    expect(prose("<p>Enrol learners</p>").join(" ").match(BRITISH)).toEqual(["Enrol"]);
    expect(prose("const x = settings.organisationName; await db.select().from(enrolments);")).toEqual([]);
  });
});
