import type { ModuleContent } from "./content-schema";
import { loadBuiltInModule } from "./content-files";

/**
 * "Professional Relationships & Boundaries" — the boundaries module, read
 * from content/boundaries/ (YAML; see content/boundaries/README.md).
 *
 * Ideas are drawn from a published article on CRSS professional relationships;
 * every sentence is our own wording, written in plain language (Flesch–Kincaid
 * grade checked in boundaries.test.ts). The article's text is not part of the
 * product; the test compares our wording against hashes of its 8-word runs
 * (article-shingles.json).
 */
export const boundariesModule: ModuleContent = loadBuiltInModule("boundaries");
