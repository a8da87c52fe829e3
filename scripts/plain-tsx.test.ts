import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Scripts run with plain `tsx`: lib/ and db/ know nothing of React Server
 * Components, so no `--conditions=react-server` and no second tsconfig. If a
 * module under a script imported `server-only` (or anything that needs the
 * react-server condition) again, loading it below throws.
 */
const root = path.resolve(import.meta.dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };

/** The script files that package.json runs through tsx. */
const tsxScripts = Object.values(pkg.scripts)
  .map((command) => /\btsx\b.*?(scripts\/\S+\.ts)/.exec(command)?.[1])
  .filter((file): file is string => Boolean(file));

/** What those scripts import from the repository (they run on import, so load their dependencies instead). */
function relativeImports(file: string): string[] {
  const source = fs.readFileSync(path.join(root, file), "utf8");
  const specifiers = [...source.matchAll(/^import\s[^;]*?from\s+"(\.{1,2}\/[^"]+)";/gms)].map((m) => m[1]);
  return specifiers.map((s) => path.relative(root, path.resolve(path.dirname(path.join(root, file)), s)));
}

describe("scripts run with plain tsx", () => {
  it("no package.json script passes a React Server condition", () => {
    expect(Object.entries(pkg.scripts).filter(([, command]) => command.includes("--conditions"))).toEqual([]);
    expect(fs.readdirSync(root).filter((f) => /^tsconfig\..+\.json$/.test(f))).toEqual([]);
  });

  it("loads every module the scripts import, without the react-server condition", () => {
    expect(tsxScripts).toContain("scripts/migrate.ts");
    const modules = [...new Set(tsxScripts.flatMap(relativeImports))].filter((m) => !tsxScripts.includes(`${m}.ts`));
    expect(modules).toEqual(expect.arrayContaining(["db/client", "db/migrate", "lib/learning/module/publish", "db/seed/demo/seed"]));
    const code = modules.map((m) => `await import(${JSON.stringify(`./${m}`)});`).join("\n") + '\nconsole.log("loaded");';
    const env = { ...process.env };
    delete env.NODE_OPTIONS; // vitest's own loader hooks stay out of the child
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
      cwd: root,
      env,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.stderr).not.toMatch(/cannot be imported|Error/);
    expect(run.stdout.trim()).toBe("loaded");
    expect(run.status).toBe(0);
  }, 90_000);
});
