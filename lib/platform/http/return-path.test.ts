/** Security round 2, finding 3: the sign-in page's return address is a path on our own origin, or nothing. */
import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

const origin = "https://training.example.org";

describe("safeReturnPath", () => {
  it("keeps a path of ours, with its query and fragment", () => {
    expect(safeReturnPath("/learn", origin)).toBe("/learn");
    expect(safeReturnPath("/join/abc?x=1#top", origin)).toBe("/join/abc?x=1#top");
  });

  it("refuses everything a browser would take to another host", () => {
    for (const evil of [
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "//evil.example",
      "/\\/evil.example",
      "\\\\evil.example",
      "https://evil.example/learn",
      "https:evil.example",
      "javascript:alert(1)",
      " /learn",
      "learn",
      "",
    ]) {
      expect(safeReturnPath(evil, origin), JSON.stringify(evil)).toBeUndefined();
    }
    expect(safeReturnPath(undefined, origin)).toBeUndefined();
  });

  it("answers the normalised path, never the raw value", () => {
    expect(safeReturnPath("/a/../learn", origin)).toBe("/learn");
    expect(safeReturnPath("/%09/evil.example", origin)).toBe("/%09/evil.example");
  });
});
