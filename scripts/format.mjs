#!/usr/bin/env node
/**
 * `npm run format`: Prettier rewrites the tree (settings in .prettierrc,
 * exclusions in .gitignore and .prettierignore).
 * `npm run format -- --check` (CI): lists the files that are not formatted
 * and fails, writing nothing. Plain `prettier --write . --check` would write
 * and pass, hence this wrapper. Paths may be given: `npm run format -- app/`.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const args = process.argv.slice(2);
const checkOnly = args.some((a) => ["--check", "-c", "--list-different", "-l"].includes(a));
const paths = args.filter((a) => !a.startsWith("-"));
const flags = args.filter((a) => a.startsWith("-"));
const bin = path.join(path.dirname(createRequire(import.meta.url).resolve("prettier/package.json")), "bin", "prettier.cjs");
const prettierArgs = [...(paths.length ? paths : ["."]), ...(checkOnly ? [] : ["--write"]), ...flags];
const run = spawnSync(process.execPath, [bin, ...prettierArgs], { stdio: "inherit" });
if (run.status !== 0 && checkOnly) console.error("Formatting differs in the files above: run `npm run format` and commit the result.");
process.exit(run.status ?? 1);
