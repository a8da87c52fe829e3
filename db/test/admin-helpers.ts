/** Small helpers the admin area's tests share. */
import { expect } from "vitest";

/** The promise (or function) is refused as not found — a not_found DomainError, or Next's notFound() at the edge: a 404, never a 403. */
export async function expectNotFound(run: Promise<unknown> | (() => unknown)) {
  let error: unknown;
  try {
    await (typeof run === "function" ? run() : run);
  } catch (e) {
    error = e;
  }
  expect(error, "expected a 404").toBeDefined();
  if ((error as { code?: string }).code === "not_found") return;
  expect(String((error as { digest?: string }).digest ?? (error as Error).message)).toMatch(/404|NOT_FOUND/);
}

/** Everything a stream sends, as text. */
export async function readAll(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}
