// Prints one line, "Tests: N passed, N failed[, N skipped]", summed over vitest and Playwright JSON reports,
// preceded by the name and file of every failed test, so a CI log that keeps only its tail still says what failed.
import fs from "node:fs";
import path from "node:path";

let passed = 0,
  failed = 0,
  skipped = 0;
const failures = [];

// Playwright nests suites (file, describe) around specs; a spec that is not ok failed on every retry.
function playwrightFailures(suites, trail) {
  for (const suite of suites ?? []) {
    const here = suite.title ? [...trail, suite.title] : trail;
    for (const spec of suite.specs ?? []) {
      if (!spec.ok) failures.push(`e2e: ${[...here, spec.title].join(" › ")}`);
    }
    playwrightFailures(suite.suites, here);
  }
}

for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    console.error(`(no report at ${file}: that suite did not run)`);
    failed += 1;
    continue;
  }
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  const suite = path.basename(file, ".json");
  if (typeof r.numPassedTests === "number") {
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    for (const result of r.testResults ?? []) {
      const rel = path.relative(process.cwd(), result.name ?? "");
      const failedHere = (result.assertionResults ?? []).filter((a) => a.status === "failed");
      for (const a of failedHere) failures.push(`${suite}: ${rel} › ${a.fullName ?? a.title}`);
      // A file that failed to load has no failed assertions but a message of its own.
      if (result.status === "failed" && failedHere.length === 0) {
        failures.push(`${suite}: ${rel} (${String(result.message ?? "failed").split("\n")[0]})`);
      }
    }
  } else if (r.stats) {
    passed += r.stats.expected + (r.stats.flaky ?? 0);
    failed += r.stats.unexpected;
    skipped += r.stats.skipped;
    playwrightFailures(r.suites, []);
  }
}
for (const f of failures) console.log(`FAILED  ${f}`);
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
