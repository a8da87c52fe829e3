import fs from "node:fs";
import path from "node:path";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { statuses } from "@/lib/learning/progress/status";
import { statusTone } from "./badge";
import { TextField } from "./field";
import { FormMessage } from "./form-message";
import { Table, Td, Tr } from "./table";

/** Reads attributes out of rendered markup (no DOM in the node test environment). */
function dom(markup: string) {
  return {
    markup,
    attr(tag: string, where: string, name: string): string | null {
      const el = new RegExp(`<${tag}\\b[^>]*${where}[^>]*>`).exec(markup)?.[0];
      if (!el) return null;
      return new RegExp(`\\b${name}="([^"]*)"`).exec(el)?.[1] ?? null;
    },
  };
}

describe("Field", () => {
  it("names the hint and the error in aria-describedby and marks the control invalid", () => {
    const d = dom(renderToStaticMarkup(h(TextField, { name: "email", label: "Email", hint: "Work address", error: "Enter an email." })));
    expect(d.attr("label", 'for="email"', "for")).toBe("email");
    expect(d.attr("input", 'id="email"', "aria-describedby")).toBe("email-hint email-error");
    expect(d.attr("input", 'id="email"', "aria-invalid")).toBe("true");
    expect(d.attr("p", 'id="email-error"', "id")).toBe("email-error");
    expect(d.markup).toContain("Enter an email.");
  });

  it("leaves a valid control unmarked and describes it by its hint only, or not at all", () => {
    const withHint = dom(renderToStaticMarkup(h(TextField, { name: "q", id: "search", label: "Search", hint: "Name or email" })));
    expect(withHint.attr("input", 'id="search"', "aria-describedby")).toBe("search-hint");
    expect(withHint.attr("input", 'id="search"', "aria-invalid")).toBeNull();
    expect(withHint.attr("input", 'id="search"', "name")).toBe("q");
    const bare = dom(renderToStaticMarkup(h(TextField, { name: "q", label: "Search" })));
    expect(bare.attr("input", 'id="q"', "aria-describedby")).toBeNull();
  });
});

describe("Table", () => {
  const columns = [
    { key: "name", label: "Name" },
    { key: "score", label: "Score", numeric: true },
  ];
  const sort = { by: "name", dir: "asc" as const, href: (by: string, dir: string) => `/c?sort=${by}&dir=${dir}` };

  it("scrolls in a focusable region named by its caption, with sort links from the URL's sort", () => {
    const rows = [h(Tr, { key: "a" }, h(Td, null, "Ana"), h(Td, { numeric: true }, "90 %"))];
    const d = dom(renderToStaticMarkup(h(Table, { caption: "Learners", columns, sort, children: rows })));
    const labelledBy = d.attr("div", 'role="region"', "aria-labelledby");
    expect(labelledBy).toBeTruthy();
    expect(d.attr("div", 'role="region"', "tabindex")).toBe("0");
    expect(d.attr("caption", `id="${labelledBy}"`, "id")).toBe(labelledBy);
    // the active column says how it is sorted and links to the other direction
    expect(d.attr("th", 'aria-sort="ascending"', "aria-sort")).toBe("ascending");
    expect(d.markup).toContain('href="/c?sort=name&amp;dir=desc"');
    expect(d.markup).toContain('href="/c?sort=score&amp;dir=asc"');
    expect(d.attr("td", "text-right", "class")).toContain("tabular-nums");
  });

  it("shows the empty state instead of an empty grid", () => {
    const markup = renderToStaticMarkup(h(Table, { caption: "Learners", columns, empty: "No learners yet.", children: [] }));
    expect(markup).not.toContain("<table");
    expect(markup).toContain("No learners yet.");
  });
});

describe("FormMessage", () => {
  it("announces the answer, and can stay quiet while fields carry the errors", () => {
    const failed = { ok: false, message: "Please correct the highlighted fields.", fieldErrors: { name: "Enter a name." } };
    expect(renderToStaticMarkup(h(FormMessage, { state: failed }))).toContain('role="status"');
    expect(renderToStaticMarkup(h(FormMessage, { state: failed, quietWithFieldErrors: true }))).toBe("");
    expect(renderToStaticMarkup(h(FormMessage, { state: { ok: true, message: "Saved." }, show: "error" }))).toBe("");
  });
});

describe("Badge", () => {
  it("has a tone for every progress status and for awaiting review", () => {
    for (const s of [...statuses, "awaiting_review" as const]) expect(statusTone[s]).toBeTruthy();
  });
});

describe("the primitives are used everywhere", () => {
  const app = path.resolve(import.meta.dirname, "../..");
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) return files(file);
      return /\.tsx$/.test(e.name) ? [file] : [];
    });
  const sources = files(app).map((file) => ({ file: path.relative(app, file), text: fs.readFileSync(file, "utf8") }));

  it("no page uses the old .btn, .input or .card classes (their CSS is gone)", () => {
    const legacy = /class(?:Name)?=["{`][^"}`]*?(?<![\w-])(btn|btn-secondary|btn-danger|input|card)(?![\w-])/;
    expect(sources.filter((s) => legacy.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  it("no page writes its own <table>: Table gives the caption, the scroll region and the empty state", () => {
    expect(sources.filter((s) => s.file !== "_components/ui/table.tsx" && /<table\b/.test(s.text)).map((s) => s.file)).toEqual([]);
  });
});
