/**
 * Every page, server action and route handler goes through one of the three
 * edge wrappers (app/_edge: page, formAction, route), so none can forget the
 * session, the permission, input parsing or the error mapping. Read from the
 * source, as Next.js finds the files.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const APP = path.resolve(import.meta.dirname);

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

const rel = (f: string) => path.relative(APP, f).split(path.sep).join("/");
/** Folders starting with "_" are private to Next.js: never routes (app/_edge, app/_components). */
const files = walk(APP).filter(
  (f) =>
    !rel(f)
      .split("/")
      .some((seg) => seg.startsWith("_")),
);

/** next-auth's own handler: it is the session, so it cannot sit behind it. */
const EXEMPT_ROUTES = new Set(["api/auth/[...nextauth]/route.ts"]);

/**
 * Files not converted yet. The list only shrinks: a converted file left in it
 * fails too, so it stays true.
 */
const PENDING = new Set<string>([]);

function problemsOf(file: string): string[] {
  const name = rel(file);
  const src = fs.readFileSync(file, "utf8");
  const problems: string[] = [];
  if (/(^|\/)page\.tsx$/.test(name)) {
    if (!/export default page(<.*?>)?\(/.test(src)) problems.push(`${name}: default export is not page(…)`);
  } else if (/(^|\/)route\.ts$/.test(name) && !EXEMPT_ROUTES.has(name)) {
    for (const m of src.matchAll(/export (?:async function|const) (GET|POST|PUT|PATCH|DELETE|HEAD)\b(.*)/g)) {
      if (!/^\s*=\s*(route|\w+Route)(<.*?>)?\(/.test(m[2])) problems.push(`${name}: ${m[1]} is not route(…)`);
    }
  } else if (/^\s*["']use server["'];?/m.test(src.split("\n").slice(0, 3).join("\n"))) {
    for (const m of src.matchAll(/export (async function|const) (\w+)(.*)/g)) {
      if (m[1] === "async function" || !/^\s*=\s*formAction\(/.test(m[3])) problems.push(`${name}: action ${m[2]} is not formAction(…)`);
    }
  }
  return problems;
}

describe("the edge", () => {
  const edgeFiles = files.filter(
    (f) => /(page\.tsx|route\.ts)$/.test(f) || /^\s*["']use server["']/m.test(fs.readFileSync(f, "utf8").slice(0, 200)),
  );

  it("finds the app's pages, actions and handlers", () => {
    expect(edgeFiles.filter((f) => f.endsWith("page.tsx")).length).toBeGreaterThan(30);
    expect(edgeFiles.filter((f) => f.endsWith("route.ts")).length).toBeGreaterThan(10);
  });

  it("sends every page, action and route handler through page(), formAction() or route()", () => {
    const problems = edgeFiles.filter((f) => !PENDING.has(rel(f))).flatMap(problemsOf);
    expect(problems).toEqual([]);
  });

  it("keeps the pending list true: every file in it still needs converting", () => {
    const done = [...PENDING].filter((name) => fs.existsSync(path.join(APP, name)) && problemsOf(path.join(APP, name)).length === 0);
    expect(done, "remove these from PENDING").toEqual([]);
    const gone = [...PENDING].filter((name) => !fs.existsSync(path.join(APP, name)));
    expect(gone, "remove these from PENDING").toEqual([]);
  });
});
