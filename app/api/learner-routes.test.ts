import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { quizAttempts, reflections } from "@/db/schema";
import { makeAssignment, makeLearnerOn, words } from "@/db/test/learner-factories";
import { makeUser } from "@/db/test/factories";
import { setupTestDb } from "@/db/test/test-db";
import type { CurrentUser } from "@/app/_edge/session";
import { boundariesModule } from "@/lib/learning/module/boundaries";
import { answersWithCorrect } from "@/lib/learning/quiz/answer-key";
import { POST as startRoute } from "./quiz/attempts/route";
import { POST as submitRoute } from "./quiz/attempts/[attemptId]/submit/route";
import { GET as getReflectionRoute, PUT as saveRoute } from "./reflections/[progressId]/[promptId]/route";
import { POST as submitReflectionRoute } from "./reflections/[progressId]/[promptId]/submit/route";

// The session is next-auth's business; here each request is made as a chosen user.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/app/_edge/session", () => ({ getCurrentUser: async () => session.user }));

const t = setupTestDb();
const ORIGIN = "http://cohort.test";
const PROMPT = boundariesModule.reflections[0].id;
const SECRET = "My private story about the river walk";

function req(method: string, body?: unknown, origin: string | null = ORIGIN) {
  const headers: Record<string, string> = { host: "cohort.test", "content-type": "application/json" };
  if (origin) headers.origin = origin;
  return new Request(`${ORIGIN}/api/x`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
const as = (u: { id: string; email: string; name: string; role: CurrentUser["role"] }) => {
  session.user = { id: u.id, email: u.email, name: u.name, role: u.role, sessionId: "00000000-0000-0000-0000-000000000000" };
};
const params = <T>(p: T) => ({ params: Promise.resolve(p) });
const noParams = { params: Promise.resolve({}) };

async function world() {
  const { assignment } = await makeAssignment();
  const owner = await makeLearnerOn(assignment);
  const other = await makeLearnerOn(assignment);
  const instructor = await makeUser({ role: "instructor" });
  as(owner.user);
  const started = await startRoute(req("POST", { progressId: owner.progressId }), noParams);
  const { attemptId } = await started.json();
  const saved = await saveRoute(req("PUT", { body: SECRET, version: 0 }), params({ progressId: owner.progressId, promptId: PROMPT }));
  expect(saved.status).toBe(200);
  return { owner, other, instructor, attemptId };
}

beforeEach(() => {
  session.user = null;
});

describe("quiz route handlers", () => {
  it("start: 201 with questions and no answer key, then 200 with the same attempt", async () => {
    const { assignment } = await makeAssignment();
    const { user, progressId } = await makeLearnerOn(assignment);
    as(user);
    const first = await startRoute(req("POST", { progressId }), noParams);
    expect(first.status).toBe(201);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const text = await first.text();
    expect(text).not.toMatch(/"correct"|"explanation"/);
    const body = JSON.parse(text);
    expect(body.questions).toHaveLength(10);
    const again = await startRoute(req("POST", { progressId }), noParams);
    expect(again.status).toBe(200);
    expect((await again.json()).attemptId).toBe(body.attemptId);
  });

  it("start: 422 lesson_unread with the unread sections while the assignment requires reading the lesson first", async () => {
    const { assignment } = await makeAssignment({ requireAllSectionsRead: true });
    const { user, progressId } = await makeLearnerOn(assignment);
    as(user);
    const res = await startRoute(req("POST", { progressId }), noParams);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: "lesson_unread", unread: boundariesModule.sections.map((s) => s.id) });
  });

  it("submit: scores, answers the same result twice, 422 for unanswered items", async () => {
    const { assignment } = await makeAssignment();
    const { user, progressId } = await makeLearnerOn(assignment);
    as(user);
    const { attemptId } = await (await startRoute(req("POST", { progressId }), noParams)).json();
    const [a] = await t.db.select().from(quizAttempts).where(eq(quizAttempts.id, attemptId));
    const answers = answersWithCorrect(boundariesModule, a.draw, 8);
    const partial = { ...answers };
    delete partial[a.draw[9].itemId];
    const missing = await submitRoute(req("POST", { answers: partial }), params({ attemptId }));
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ error: "unanswered", missing: [a.draw[9].itemId] });
    const ok = await submitRoute(req("POST", { answers }), params({ attemptId }));
    expect(ok.status).toBe(200);
    const result = await ok.json();
    expect(result).toMatchObject({ score: 80, passed: true, resultUrl: `/learn/${progressId}/quiz/${attemptId}` });
    const twice = await (await submitRoute(req("POST", { answers }), params({ attemptId }))).json();
    expect(twice).toMatchObject({ ...result, alreadySubmitted: true });
    expect((await submitRoute(req("POST", { answers: "nope" }), params({ attemptId }))).status).toBe(400);
  });

  it("refuses a foreign origin (403) and no session (401) before touching anything", async () => {
    const { owner, attemptId } = await world();
    for (const origin of ["http://evil.test", null]) {
      expect((await startRoute(req("POST", { progressId: owner.progressId }, origin), noParams)).status).toBe(403);
      expect((await submitRoute(req("POST", { answers: {} }, origin), params({ attemptId }))).status).toBe(403);
      const p = params({ progressId: owner.progressId, promptId: PROMPT });
      expect((await saveRoute(req("PUT", { body: "x", version: 1 }, origin), p)).status).toBe(403);
      expect((await submitReflectionRoute(req("POST", { body: "x", version: 1 }, origin), p)).status).toBe(403);
    }
    session.user = null;
    expect((await startRoute(req("POST", { progressId: owner.progressId }), noParams)).status).toBe(401);
    expect((await getReflectionRoute(req("GET", undefined), params({ progressId: owner.progressId, promptId: PROMPT }))).status).toBe(401);
  });

  it("answers 404 with nothing leaked to another learner and to staff, for every handler", async () => {
    const { owner, other, instructor, attemptId } = await world();
    const [a] = await t.db.select().from(quizAttempts).where(eq(quizAttempts.id, attemptId));
    const answers = answersWithCorrect(boundariesModule, a.draw, 10);
    const p = params({ progressId: owner.progressId, promptId: PROMPT });
    for (const who of [other.user, instructor]) {
      as(who);
      const responses = [
        await startRoute(req("POST", { progressId: owner.progressId }), noParams),
        await submitRoute(req("POST", { answers }), params({ attemptId })),
        await getReflectionRoute(req("GET", undefined), p),
        await saveRoute(req("PUT", { body: "overwritten", version: 1 }), p),
        await submitReflectionRoute(req("POST", { body: words(80), version: 1 }), p),
      ];
      for (const r of responses) {
        expect(r.status).toBe(404);
        const body = await r.text();
        expect(body).not.toContain(SECRET);
        expect(body).not.toContain(owner.progressId);
        expect(JSON.parse(body)).toEqual({ error: "not_found", message: "Not found." });
      }
    }
    const [r] = await t.db.select().from(reflections).where(eq(reflections.progressId, owner.progressId));
    expect(r).toMatchObject({ body: SECRET, version: 1, status: "draft" });
    const [still] = await t.db.select().from(quizAttempts).where(eq(quizAttempts.id, attemptId));
    expect(still.status).toBe("in_progress");
  });
});

describe("reflection route handlers", () => {
  it("autosave answers the new version; a stale one gets 409 with the newer text; submit checks the word count", async () => {
    const { owner } = await world();
    const p = params({ progressId: owner.progressId, promptId: PROMPT });
    const saved = await saveRoute(req("PUT", { body: "Second save", version: 1 }), p);
    expect(await saved.json()).toMatchObject({ version: 2, body: "Second save" });
    const stale = await saveRoute(req("PUT", { body: "From an old tab", version: 1 }), p);
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: "conflict", current: { body: "Second save", version: 2 } });
    expect(await (await getReflectionRoute(req("GET", undefined), p)).json()).toMatchObject({ body: "Second save", version: 2 });
    const short = await submitReflectionRoute(req("POST", { body: words(20), version: 2 }), p);
    expect(short.status).toBe(422);
    expect(await short.json()).toMatchObject({ error: "too_short", wordCount: 20, minWords: 75 });
    const ok = await submitReflectionRoute(req("POST", { body: words(80), version: 2 }), p);
    expect(await ok.json()).toMatchObject({ status: "submitted", version: 3 });
    const locked = await saveRoute(req("PUT", { body: "late edit", version: 3 }), p);
    expect(locked.status).toBe(409);
    expect((await locked.json()).error).toBe("locked");
  });
});
