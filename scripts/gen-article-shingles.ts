/**
 * Regenerates lib/learning/module/article-shingles.json from the source article.
 *
 * The article itself must not be copied into the product, so the test suite
 * compares our content against these hashes of every 8-word run instead.
 *
 *   npx tsx scripts/gen-article-shingles.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { shingleHashes } from "../lib/learning/module/ngrams";

const ARTICLE = path.resolve(__dirname, "../../shared/seed/crss-professional-relationships-article.txt");
const OUT = path.resolve(__dirname, "../lib/learning/module/article-shingles.json");

const text = readFileSync(ARTICLE, "utf8");
const hashes = [...new Set(shingleHashes(text, 8))].sort();
writeFileSync(OUT, JSON.stringify(hashes, null, 2) + "\n");
console.log(`Wrote ${hashes.length} shingle hashes to ${path.relative(process.cwd(), OUT)}`);
