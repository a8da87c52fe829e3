/**
 * RFC 8058 one-click unsubscribe, as a mail provider uses it: a POST of
 * `List-Unsubscribe=One-Click` from its own servers — another site's Origin
 * or none, no session. The signed token turns off exactly one kind for one
 * person; again, nothing more changes; a bad token, another body, a kind
 * that is always sent, or a token signed with an old secret change nothing.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { notificationPreferences } from "@/db/schema";
import { makeLearner } from "@/db/test/instructor-factories";
import { setupTestDb } from "@/db/test/test-db";
import { unsubscribeToken } from "@/lib/notifications/unsubscribe";

let secret = "one-click-secret-0123456789";
vi.mock("@/app/_edge/session", () => ({ getCurrentUser: async () => null }));
vi.mock("@/lib/platform/env", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/platform/env")>();
  return { ...actual, env: () => ({ ...actual.env(), NEXTAUTH_SECRET: secret }) };
});
const { GET, POST } = await import("./route");

const t = setupTestDb();

const post = (token: string, body: BodyInit | null = "List-Unsubscribe=One-Click", headers: Record<string, string> = {}) =>
  POST(
    new Request(`http://localhost:3000/unsubscribe/${token}/one-click`, {
      method: "POST",
      // a provider's server: another site's Origin (or none), no cookie
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://mail.provider.example", ...headers },
      body,
    }),
    { params: Promise.resolve({ token }) },
  );

const prefsOf = (userId: string) =>
  t.db
    .select({ kind: notificationPreferences.kind, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));

describe("POST /unsubscribe/[token]/one-click", () => {
  it("turns off exactly that kind for that person, cross-site and without a session; a second POST changes nothing", async () => {
    const learner = await makeLearner();
    const other = await makeLearner();
    const token = unsubscribeToken(secret, learner.id, "due_soon");

    const first = await post(token);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain("Due in 3 days");
    expect(await prefsOf(learner.id)).toEqual([{ kind: "due_soon", email: false }]);

    const again = await post(token, "List-Unsubscribe=One-Click", { origin: "null" });
    expect(again.status).toBe(200);
    expect(await prefsOf(learner.id)).toEqual([{ kind: "due_soon", email: false }]);
    expect(await prefsOf(other.id)).toEqual([]);

    // multipart/form-data is allowed by RFC 8058 too, and no Origin at all
    const form = new FormData();
    form.set("List-Unsubscribe", "One-Click");
    const multipart = await POST(new Request(`http://localhost:3000/unsubscribe/x/one-click`, { method: "POST", body: form }), {
      params: Promise.resolve({ token: unsubscribeToken(secret, learner.id, "overdue") }),
    });
    expect(multipart.status).toBe(200);
    expect((await prefsOf(learner.id)).sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: "due_soon", email: false },
      { kind: "overdue", email: false },
    ]);
  });

  it("answers 400 and changes nothing for a bad token, another body, or a kind that is always sent", async () => {
    const learner = await makeLearner();
    const good = unsubscribeToken(secret, learner.id, "assigned");
    const [payload, mac] = good.split(".");
    const forged = `${Buffer.from(`${learner.id}.weekly_digest`).toString("base64url")}.${mac}`;
    for (const token of ["nonsense", `${payload}.${mac.slice(0, -2)}xx`, forged, "."]) {
      expect((await post(token)).status, token).toBe(400);
    }
    expect((await post(good, "List-Unsubscribe=Yes")).status).toBe(400);
    expect((await post(good, null)).status).toBe(400);
    expect((await post(good, `List-Unsubscribe=One-Click&pad=${"x".repeat(5000)}`)).status).toBe(400);
    // even a correctly signed token never silences a revision request or a certificate
    for (const kind of ["revision_requested", "certificate_issued"] as const) {
      expect((await post(unsubscribeToken(secret, learner.id, kind))).status).toBe(400);
    }
    expect(await prefsOf(learner.id)).toEqual([]);
  });

  it("a token ends when NEXTAUTH_SECRET changes", async () => {
    const learner = await makeLearner();
    const token = unsubscribeToken(secret, learner.id, "assigned");
    const before = secret;
    secret = "a-new-secret-after-rotation-0123";
    try {
      expect((await post(token)).status).toBe(400);
      expect(await prefsOf(learner.id)).toEqual([]);
    } finally {
      secret = before;
    }
    expect((await post(token)).status).toBe(200);
  });

  it("GET (a person opening the header's URL) changes nothing and goes to the page with the button", async () => {
    const learner = await makeLearner();
    const token = unsubscribeToken(secret, learner.id, "assigned");
    const res = await GET(new Request(`http://localhost:3000/unsubscribe/${token}/one-click`), { params: Promise.resolve({ token }) });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/unsubscribe/${token}`);
    expect(await prefsOf(learner.id)).toEqual([]);
  });
});
