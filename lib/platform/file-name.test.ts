import { describe, expect, it } from "vitest";
import { fileSlug } from "./file-name";

describe("file names", () => {
  it("makes file names from cohort names", () => {
    expect(fileSlug('CRSS Spring 2026 — Tuesday/Group "A"')).toBe("crss-spring-2026-tuesdaygroup-a");
    expect(fileSlug("???")).toBe("export");
  });

  it("makes file names from people's names, accents dropped, with the caller's fallback", () => {
    expect(fileSlug("José  Núñez-García")).toBe("jose-nunez-garcia");
    expect(fileSlug("Professional Relationships & Boundaries")).toBe("professional-relationships-boundaries");
    expect(fileSlug("李", "learner")).toBe("learner");
    expect(fileSlug("x".repeat(100))).toHaveLength(60);
  });
});
