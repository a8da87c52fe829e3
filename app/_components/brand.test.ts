import fs from "node:fs";
import path from "node:path";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { markShapes, markSvg } from "./brand";
import { LogoMark } from "./logo";

describe("the Cohort mark", () => {
  it("app/icon.svg (the favicon) is the mark of brand.ts", () => {
    expect(fs.readFileSync(path.resolve(import.meta.dirname, "../icon.svg"), "utf8")).toBe(markSvg);
  });

  it("the header's LogoMark draws the same shapes", () => {
    const inner = /<svg[^>]*>(.*)<\/svg>/.exec(renderToStaticMarkup(h(LogoMark)))![1];
    expect(inner.replace(/<(\w+)([^>]*)><\/\1>/g, "<$1$2/>")).toBe(markShapes);
  });
});
