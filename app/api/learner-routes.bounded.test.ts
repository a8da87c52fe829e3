/**
 * Security round 2, findings 7 and 11: a learner's JSON body is capped before
 * it is parsed, and text with control characters is refused with a message
 * (400), never a 500 with the text in the server log.
 */
import { inspect } from "node:util";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { reflections } from "@/db/schema";
import { makeAssignment, makeLearnerOn } from "@/db/test/learner-factories";
import { setupTestDb } from "@/db/test/test-db";
import type { CurrentUser } from "@/app/_edge/session";
import { boundariesModule } from "@/lib/learning/module/boundaries";
import { MAX_REFLECTION_CHARS } from "@/lib/learning/reflections/drafts";
import { MAX_JSON_BYTES as JSON_BODY_MAX_BYTES } from "@/app/_edge/route";
import { PUT as saveRoute } from "./reflections/[progressId]/[promptId]/route";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/app/_edge/session", () => ({ getCurrentUser: async () => session.user }));

const t = setupTestDb();
const ORIGIN = "http://cohort.test";
const PROMPT = boundariesModule.reflections[0].id;
const headers = { host: "cohort.test", origin: ORIGIN, "content-type": "application/json" };

async function learner() {
  const { assignment } = await makeAssignment();
  const me = await makeLearnerOn(assignment);
  session.user = {
    id: me.user.id,
    email: me.user.email,
    name: me.user.name,
    role: "learner",
    sessionId: "00000000-0000-0000-0000-000000000000",
  };
  return { ...me, params: { params: Promise.resolve({ progressId: me.progressId, promptId: PROMPT }) } };
}

/** A body stream that records how much of it the server pulled. */
function countingBody(total: number, chunk = 64 * 1024, fill = "[") {
  const state = { pulled: 0 };
  const piece = new TextEncoder().encode(fill.repeat(chunk));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      state.pulled += piece.byteLength;
      controller.enqueue(piece);
    },
  });
  return { stream, state };
}

const put = (body: BodyInit, extra: Record<string, string> = {}) =>
  new Request(`${ORIGIN}/api/x`, { method: "PUT", headers: { ...headers, ...extra }, body, duplex: "half" } as RequestInit);

beforeEach(() => {
  session.user = null;
});

describe("finding 7: a learner stalls the server with a 10 MB nested body", () => {
  it("a declared 10 MB body is refused with 413 without reading it", async () => {
    const me = await learner();
    const { stream, state } = countingBody(10 * 1024 * 1024);
    const res = await saveRoute(put(stream, { "content-length": String(10 * 1024 * 1024) }), me.params);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toBe("too_large");
    expect(state.pulled).toBeLessThanOrEqual(4 * 64 * 1024);
    expect(await t.db.select().from(reflections).where(eq(reflections.progressId, me.progressId))).toEqual([]);
  });

  it("a 10 MB body sent without a length (chunked) is read only up to the cap, then refused", async () => {
    const me = await learner();
    const { stream, state } = countingBody(10 * 1024 * 1024);
    const res = await saveRoute(put(stream), me.params);
    expect(res.status).toBe(413);
    // the cap, plus the chunk or two the streams between read ahead: nowhere near 10 MB
    expect(state.pulled).toBeLessThanOrEqual(JSON_BODY_MAX_BYTES + 4 * 64 * 1024);
  });

  it("the limit that matters to a learner is in characters: 20,000 three-byte characters fit, 20,001 are refused by the reflection rule", async () => {
    const me = await learner();
    const full = "界".repeat(MAX_REFLECTION_CHARS);
    const ok = await saveRoute(put(JSON.stringify({ body: full, version: 0 })), me.params);
    expect(ok.status).toBe(200);
    const over = await saveRoute(put(JSON.stringify({ body: `${full}界`, version: 1 })), me.params);
    expect(over.status).toBe(422); // a domain rule (README: invalid → 422)
    expect((await over.json()).message).toMatch(/at most 20,000 characters/);
  });
});

describe("finding 11: a reflection with U+0000", () => {
  let logged: string[];
  beforeEach(() => {
    logged = [];
    vi.spyOn(console, "error").mockImplementation((...args) => void logged.push(args.map((a) => inspect(a, { depth: 6 })).join(" ")));
  });
  afterEach(() => vi.restoreAllMocks());

  it("answers 422 with a message, saves nothing and logs nothing of the text", async () => {
    const me = await learner();
    const secret = "My very private recovery story\u0000 with a NUL in it";
    const res = await saveRoute(put(JSON.stringify({ body: secret, version: 0 })), me.params);
    expect(res.status).toBe(422);
    expect((await res.json()).message).toMatch(/control characters/);
    expect(await t.db.select().from(reflections).where(eq(reflections.progressId, me.progressId))).toEqual([]);
    expect(logged.join("\n")).not.toContain("private recovery story");
  });

  it("tabs and line breaks are ordinary text in a reflection", async () => {
    const me = await learner();
    const res = await saveRoute(put(JSON.stringify({ body: "First line\n\tSecond line\r\nThird", version: 0 })), me.params);
    expect(res.status).toBe(200);
  });
});
