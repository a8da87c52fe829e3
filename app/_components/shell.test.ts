import fs from "node:fs";
import { createRequire } from "node:module";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { verificationHtml } from "@/app/verify/verify-html";
import { activeHref } from "./nav-links";
import { Breadcrumbs } from "./ui/breadcrumbs";

describe("the main navigation's current item", () => {
  const admin = [{ href: "/admin" }, { href: "/admin/users" }, { href: "/admin/settings" }];
  it("is the longest href the path is at or under", () => {
    expect(activeHref(admin, "/admin")).toBe("/admin");
    expect(activeHref(admin, "/admin/users")).toBe("/admin/users");
    expect(activeHref(admin, "/admin/users/5f0c/data")).toBe("/admin/users");
    expect(activeHref(admin, "/admin/cohorts/5f0c")).toBe("/admin");
    expect(activeHref(admin, "/account")).toBeUndefined();
    // a shared prefix of letters is not a parent path
    expect(activeHref([{ href: "/learn" }], "/learners")).toBeUndefined();
  });
});

describe("Breadcrumbs", () => {
  it("is a named navigation whose last crumb is the current page, the others links up", () => {
    const markup = renderToStaticMarkup(
      h(Breadcrumbs, {
        items: [{ label: "My cohorts", href: "/instructor" }, { label: "Evening", href: "/instructor/cohorts/1" }, { label: "Jordan Lee" }],
      }),
    );
    expect(markup).toContain('<nav aria-label="Breadcrumb"');
    expect(markup).toContain('href="/instructor"');
    expect(markup).toContain('href="/instructor/cohorts/1"');
    expect(markup).toMatch(/<span aria-current="page"[^>]*>Jordan Lee<\/span>/);
    expect(markup.match(/<a /g)).toHaveLength(2);
    expect(renderToStaticMarkup(h(Breadcrumbs, { items: [] }))).toBe("");
  });
});

describe("/verify/<code> looks like /verify", () => {
  it("links the favicon and draws the header with the mark", () => {
    const html = verificationHtml({ status: "not_found", code: "AAAA-BBBB-CCCC-DDDD" } as Parameters<typeof verificationHtml>[0], "x");
    expect(html).toContain('<link rel="icon" href="/icon.svg" type="image/svg+xml">');
    expect(html).toMatch(/<header class="top">.*<a class="brand" href="\/"><svg aria-hidden="true"/s);
    expect(html).toContain("max-width:72rem");
  });

  it("uses the app's font stack (Tailwind's --font-sans), so both pages read the same", () => {
    const theme = fs.readFileSync(createRequire(import.meta.url).resolve("tailwindcss/theme.css"), "utf8");
    const stack = /--font-sans:\s*([^;]+);/
      .exec(theme)![1]
      .replace(/'/g, '"')
      .replace(/\s*,\s*/g, ",")
      .trim();
    const html = verificationHtml({ status: "not_found", code: null } as Parameters<typeof verificationHtml>[0], "x");
    expect(html).toContain(`font-family:${stack};`);
  });
});
