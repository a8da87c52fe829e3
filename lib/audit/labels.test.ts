import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditActionLabel, auditActionLabels } from "./labels";

const root = path.resolve(__dirname, "../..");

function* sources(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) yield full;
  }
}

/** Every action code written to the log: the literals in an `action:` of an object that also names an actor or a target. */
function writtenActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const top of ["lib", "app", "db"]) {
    for (const file of sources(path.join(root, top))) {
      const text = fs.readFileSync(file, "utf8");
      if (!/\baudit\(|insert\(auditLog\)/.test(text)) continue;
      for (const m of text.matchAll(/\baction:\s*([^\n]+)/g)) {
        for (const lit of m[1].matchAll(/["'`]([a-z_]+\.[a-z_]+)["'`]/g)) found.set(lit[1], path.relative(root, file));
      }
    }
  }
  return found;
}

describe("audit action labels (issue 15, defect 8)", () => {
  it("has a label for every action any code writes", () => {
    const written = writtenActions();
    expect(written.size).toBeGreaterThan(30);
    const missing = [...written].filter(([a]) => !auditActionLabels[a]).map(([a, file]) => `${a} (${file})`);
    expect(missing).toEqual([]);
  });

  it("reads as words, not codes", () => {
    for (const [code, label] of Object.entries(auditActionLabels)) {
      expect(label, code).toMatch(/^[A-Z][^._]*$/);
      expect(label, code).not.toMatch(/organisation/i);
    }
    expect(auditActionLabel("assignment.create")).toBe("Assigned a module");
    expect(auditActionLabel("something.new")).toBe("something.new");
  });
});
