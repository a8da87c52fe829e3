/**
 * e2e/routes.ts says it lists every route, and the cross-cutting e2e tests
 * (security headers, the middleware lesson, origin checks) trust it: a route
 * missing there is a route nobody checks. This walks app/ the way Next.js
 * routes it and fails on any page or route handler method that no entry
 * reaches, and on any entry that reaches nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mutations, routes } from "@/e2e/routes";

const APP = import.meta.dirname;

type Segment = { kind: "static"; name: string } | { kind: "dynamic" } | { kind: "catch-all"; optional: boolean };
type AppRoute = { file: string; url: string; segments: Segment[]; methods: string[] };

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

/** The HTTP methods a route.ts exports (functions, constants, or `export { handler as GET }`). */
function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Z]+)\b/g)) found.add(m[1]);
  for (const block of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of block[1].split(","))
      found.add(
        part
          .trim()
          .split(/\s+as\s+/)
          .pop()!
          .trim(),
      );
  }
  return METHODS.filter((m) => found.has(m));
}

/** URL segments of a folder path under app/, or null when Next.js does not route it (a `_private` folder). */
function segmentsOf(dir: string): Segment[] | null {
  const out: Segment[] = [];
  for (const part of dir.split("/").filter(Boolean)) {
    if (part.startsWith("_")) return null;
    if (/^\(.*\)$/.test(part) || part.startsWith("@")) continue; // route groups and parallel-route slots add nothing to the URL
    const optional = /^\[\[\.\.\..+\]\]$/.test(part);
    if (optional || /^\[\.\.\..+\]$/.test(part)) out.push({ kind: "catch-all", optional });
    else if (/^\[.+\]$/.test(part)) out.push({ kind: "dynamic" });
    else out.push({ kind: "static", name: part });
  }
  return out;
}

function appRoutes(dir = APP): AppRoute[] {
  const found: AppRoute[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "node_modules") continue;
      found.push(...appRoutes(full));
      continue;
    }
    const page = /^page\.(tsx|ts|jsx|js|mdx)$/.test(entry.name);
    const handler = /^route\.(ts|js)$/.test(entry.name);
    if (!page && !handler) continue;
    const rel = path.relative(APP, dir).split(path.sep).join("/");
    const segments = segmentsOf(rel);
    if (!segments) continue;
    found.push({
      file: `app/${rel ? `${rel}/` : ""}${entry.name}`,
      url: `/${rel}`,
      segments,
      methods: page ? ["GET"] : exportedMethods(fs.readFileSync(full, "utf8")),
    });
  }
  return found;
}

/**
 * How well an e2e path (`/learn/{progressId}/quiz`) fits an app route, or
 * null: per segment, a static match beats a dynamic one beats a catch-all,
 * as in Next.js. A `{placeholder}` stands for an id, so it fits only a
 * dynamic segment or a catch-all, never a static name.
 */
function fit(e2ePath: string, segments: Segment[]): number[] | null {
  const parts = e2ePath.split("?")[0].split("/").filter(Boolean);
  const score: number[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s.kind === "catch-all") {
      if (parts.length - i < (s.optional ? 0 : 1)) return null;
      score.push(0);
      return score;
    }
    const p = parts[i];
    if (p === undefined) return null;
    const placeholder = /^\{\w+\}$/.test(p);
    if (s.kind === "static") {
      if (placeholder || p !== s.name) return null;
      score.push(2);
    } else score.push(1);
  }
  return parts.length === segments.length ? score : null;
}

/** The app route Next.js would serve an e2e path from, or null. */
function resolve(e2ePath: string, all: AppRoute[]): AppRoute | null {
  let best: { route: AppRoute; score: number[] } | null = null;
  for (const route of all) {
    const score = fit(e2ePath, route.segments);
    if (!score) continue;
    if (!best || compare(score, best.score) > 0) best = { route, score };
  }
  return best?.route ?? null;
}

function compare(a: number[], b: number[]) {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? -1) !== (b[i] ?? -1)) return (a[i] ?? -1) - (b[i] ?? -1);
  return 0;
}

describe("e2e/routes.ts lists every route of app/", () => {
  const all = appRoutes();

  it("finds the app's pages and route handlers", () => {
    expect(all.length).toBeGreaterThan(40);
    expect(all.find((r) => r.file === "app/api/auth/[...nextauth]/route.ts")?.methods).toEqual(["GET", "POST"]);
    expect(all.find((r) => r.file === "app/api/reflections/[progressId]/[promptId]/route.ts")?.methods).toEqual(["GET", "PUT"]);
  });

  it("every page and GET handler is in `routes`, every other method in `mutations`", () => {
    const reached = new Set<string>();
    for (const r of routes) {
      const target = resolve(r.path, all);
      if (target) reached.add(`GET ${target.file}`);
    }
    for (const m of mutations) {
      const target = resolve(m.path, all);
      if (target) reached.add(`${m.method} ${target.file}`);
    }
    const missing = all.flatMap((r) =>
      r.methods
        .filter((method) => !reached.has(`${method} ${r.file}`))
        .map((method) => `${method} ${r.url} (${r.file}): add it to e2e/routes.ts, \`${method === "GET" ? "routes" : "mutations"}\``),
    );
    expect(missing).toEqual([]);
  });

  it("every entry names a route that exists, with that method", () => {
    const wrong = [
      ...routes.map((r) => ({ name: `GET ${r.path}`, path: r.path, method: "GET" })),
      ...mutations.map((m) => ({ name: `${m.method} ${m.path}`, path: m.path, method: m.method })),
    ].filter((e) => {
      const target = resolve(e.path, all);
      return !target || !target.methods.includes(e.method);
    });
    expect(wrong.map((w) => w.name)).toEqual([]);
  });
});

describe("how app/ paths become URLs", () => {
  it("drops route groups and slots, skips private folders, knows dynamic and catch-all segments", () => {
    expect(segmentsOf("(marketing)/@modal/about")).toEqual([{ kind: "static", name: "about" }]);
    expect(segmentsOf("admin/_components")).toBeNull();
    expect(segmentsOf("learn/[progressId]/quiz")).toEqual([
      { kind: "static", name: "learn" },
      { kind: "dynamic" },
      { kind: "static", name: "quiz" },
    ]);
    expect(segmentsOf("api/auth/[...nextauth]")?.[2]).toEqual({ kind: "catch-all", optional: false });
    expect(segmentsOf("docs/[[...slug]]")?.[1]).toEqual({ kind: "catch-all", optional: true });
  });

  it("prefers a static segment to a dynamic one, and a placeholder never fills a static name", () => {
    const r = (url: string): AppRoute => ({ file: url, url, segments: segmentsOf(url)!, methods: ["GET"] });
    const all = [
      r("learn/[progressId]"),
      r("learn/record"),
      r("learn/record.csv"),
      r("api/auth/[...nextauth]"),
      r("instructor/cohorts/new"),
    ];
    expect(resolve("/learn/record", all)?.url).toBe("learn/record");
    expect(resolve("/learn/record.csv", all)?.url).toBe("learn/record.csv");
    expect(resolve("/learn/{progressId}", all)?.url).toBe("learn/[progressId]");
    expect(resolve("/api/auth/csrf", all)?.url).toBe("api/auth/[...nextauth]");
    expect(resolve("/api/auth", all)).toBeNull();
    expect(resolve("/instructor/cohorts/{cohortId}", all)).toBeNull();
    expect(resolve("/learn/{progressId}/quiz", all)).toBeNull();
  });

  it("reads the methods a route handler exports", () => {
    expect(exportedMethods("export async function GET() {}\nexport function POST() {}")).toEqual(["GET", "POST"]);
    expect(exportedMethods("export { handler as GET, post as POST };")).toEqual(["GET", "POST"]);
    expect(exportedMethods("export const PUT = wrap(x);\nexport const dynamic = 'force-dynamic';")).toEqual(["PUT"]);
  });
});
