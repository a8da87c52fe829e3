#!/usr/bin/env node
/**
 * `npm run check:audit` (and CI): no high or critical advisory in a production
 * dependency, unless .ci/audit-exceptions.json accepts it with a reason and a
 * date to look again.
 *
 * 1. `npm audit --omit=dev --json`: every high/critical advisory must be listed
 *    in the exceptions file (advisory id, reason, until-date not passed).
 * 2. Always: installed versions must be at least the floors recorded in
 *    .ci/advisory-floors.json (the advisories named in shared/SECURITY.md).
 * When the registry's audit service cannot be reached (some mirrors answer
 * 405), step 2 is all that can be checked: it says so, and passes on the
 * floors alone unless AUDIT_REQUIRE_ONLINE=1.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BLOCKING = new Set(["high", "critical"]);

/** The advisory's stable id: its GHSA id when it has one, else npm's number. */
export function advisoryId(via) {
  const ghsa = String(via.url ?? "").match(/GHSA-[\w-]+/i)?.[0];
  return ghsa ? ghsa.toUpperCase() : String(via.source);
}

/** Validate the exceptions file; answers { exceptions, problems }. */
export function readExceptions(json) {
  const problems = [];
  const exceptions = [];
  for (const [i, e] of (json?.exceptions ?? []).entries()) {
    const where = `exception ${i + 1}${e?.advisory ? ` (${e.advisory})` : ""}`;
    if (!e?.advisory) problems.push(`${where}: no advisory id`);
    else if (!e.reason || String(e.reason).trim().length < 10) problems.push(`${where}: give the reason it does not affect Cohort`);
    else if (!e.until || Number.isNaN(Date.parse(e.until)))
      problems.push(`${where}: give an "until" date (YYYY-MM-DD) to look at it again`);
    else exceptions.push({ ...e, advisory: String(e.advisory).toUpperCase() });
  }
  return { exceptions, problems };
}

/**
 * Sort the high/critical advisories of an `npm audit --json` report (v2) into
 * blocking, accepted (by a current exception) and expired (exception past its date).
 */
export function evaluate(report, exceptions, now = new Date()) {
  const advisories = new Map();
  for (const vuln of Object.values(report?.vulnerabilities ?? {})) {
    for (const via of vuln.via ?? []) {
      if (typeof via !== "object" || !BLOCKING.has(via.severity)) continue;
      const id = advisoryId(via);
      if (!advisories.has(id))
        advisories.set(id, { id, package: via.name, severity: via.severity, title: via.title, url: via.url, range: via.range });
    }
  }
  const result = { blocking: [], accepted: [], expired: [] };
  for (const a of advisories.values()) {
    const exception = exceptions.find((e) => e.advisory === a.id);
    if (!exception) result.blocking.push(a);
    else if (Date.parse(exception.until) < now.getTime()) result.expired.push({ ...a, exception });
    else result.accepted.push({ ...a, exception });
  }
  return result;
}

/** Compare dotted versions numerically (pre-release tags sort before the release). */
export function compareVersions(a, b) {
  const parse = (v) => {
    const [main, pre] = String(v).split("-", 2);
    return { nums: main.split(".").map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if ((x.nums[i] ?? 0) !== (y.nums[i] ?? 0)) return (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
  if (x.pre && !y.pre) return -1;
  if (!x.pre && y.pre) return 1;
  return 0;
}

/** Installed versions below their recorded floor. */
export function floorProblems(floors, installedVersion) {
  const problems = [];
  for (const f of floors) {
    const v = installedVersion(f.package);
    if (!v) continue; // not installed: nothing to be vulnerable
    if (compareVersions(v, f.minimum) < 0) problems.push(`${f.package} ${v} is below ${f.minimum} (${f.why})`);
  }
  return problems;
}

function installedVersion(name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")).version;
  } catch {
    return null;
  }
}

function runAudit() {
  const r = spawnSync("npm", ["audit", "--omit=dev", "--json"], { cwd: root, encoding: "utf8", timeout: 120_000 });
  let report = null;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    /* not JSON */
  }
  if (!report || report.error || !report.vulnerabilities) {
    const why = report?.message || report?.error?.summary || (r.stderr || r.stdout || "no answer").trim().split("\n").slice(-2).join(" ");
    return { reachable: false, why };
  }
  return { reachable: true, report };
}

function main() {
  const { exceptions, problems: exceptionProblems } = readExceptions(
    JSON.parse(fs.readFileSync(path.join(root, ".ci/audit-exceptions.json"), "utf8")),
  );
  const { floors } = JSON.parse(fs.readFileSync(path.join(root, ".ci/advisory-floors.json"), "utf8"));
  const failures = [...exceptionProblems];

  const floorIssues = floorProblems(floors, installedVersion);
  failures.push(...floorIssues);
  console.log(
    `Recorded advisory floors: ${floors.length} checked, ${floorIssues.length} below (${floors.map((f) => `${f.package} ${installedVersion(f.package) ?? "-"} >= ${f.minimum}`).join(", ")})`,
  );

  const audit = runAudit();
  if (audit.reachable) {
    const r = evaluate(audit.report, exceptions);
    const m = audit.report.metadata?.vulnerabilities ?? {};
    console.log(`npm audit --omit=dev: ${m.critical ?? 0} critical, ${m.high ?? 0} high, ${m.moderate ?? 0} moderate, ${m.low ?? 0} low`);
    for (const a of r.accepted)
      console.log(`  accepted until ${a.exception.until}: ${a.id} ${a.package} (${a.severity}) — ${a.exception.reason}`);
    for (const a of r.expired) failures.push(`exception for ${a.id} ${a.package} expired on ${a.exception.until}: look at it again`);
    for (const a of r.blocking) failures.push(`${a.severity}: ${a.id} ${a.package} ${a.range ?? ""} — ${a.title} ${a.url ?? ""}`);
  } else {
    console.log(`npm audit could not reach the registry's audit service (${audit.why}).`);
    console.log("  Only the recorded advisory floors above were checked; run `npm audit --omit=dev` where the registry answers audits.");
    if (process.env.AUDIT_REQUIRE_ONLINE === "1") failures.push("the audit service is unreachable and AUDIT_REQUIRE_ONLINE=1");
  }

  if (failures.length) {
    console.log("Dependency audit FAILED:");
    for (const f of failures) console.log(`  - ${f}`);
    console.log("Update the package, or accept the advisory in .ci/audit-exceptions.json with a reason and an until-date.");
    process.exit(1);
  }
  console.log("Dependency audit: PASS");
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
