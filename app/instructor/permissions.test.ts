/**
 * Every instructor page, route handler and action, called the way Next.js
 * calls them, as someone who may not reach the cohort: another instructor,
 * a learner, an admin where the instructor area is concerned. Each answers
 * 404 and changes no row. (The session is the one thing stubbed: whoever
 * `who.user` names is "signed in".)
 */
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  assignments,
  auditLog,
  cohortInstructors,
  cohortInvites,
  cohorts,
  enrolments,
  quizAttempts,
  reflectionReviews,
  reflections,
  users,
} from "@/db/schema";
import { makeUser, uniqueEmail } from "@/db/test/factories";
import {
  enrol,
  expectNotFound,
  makeAssignment,
  makeAttempt,
  makeCohort,
  makeInstructor,
  makeLearner,
  makeReflection,
  progressOf,
} from "@/db/test/instructor-factories";
import { setupTestDb } from "@/db/test/test-db";
import type { CurrentUser } from "@/app/_edge/session";
import { createCohortInvite } from "@/lib/cohorts/invite-links";
import { publishBuiltInModules } from "@/lib/learning/module/publish";

const who = vi.hoisted(() => ({ user: null as null | CurrentUser }));
vi.mock("@/app/_edge/session", () => ({ getCurrentUser: async () => who.user }));
vi.mock("@/app/_edge/http", async (original) => ({
  ...(await original<typeof import("@/app/_edge/http")>()),
  clientIp: async () => "127.0.0.1",
  requestPath: async () => null,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
// each action is posted from one of our pages (the Origin check passes; e2e/origin.spec.ts tests it refusing)
const request = vi.hoisted(() => ({ origin: "http://cohort.test" as string | null }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "cohort.test", ...(request.origin ? { origin: request.origin } : {}) }),
}));

const t = setupTestDb();
const as = (u: Omit<CurrentUser, "sessionId">) => {
  who.user = { ...u, sessionId: "00000000-0000-0000-0000-000000000000" };
};
const form = (values: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.set(k, v);
  return fd;
};

const s = {} as {
  owner: Awaited<ReturnType<typeof makeInstructor>>;
  stranger: Awaited<ReturnType<typeof makeInstructor>>;
  learner: Awaited<ReturnType<typeof makeLearner>>;
  admin: Awaited<ReturnType<typeof makeUser>>;
  cohortId: string;
  ownCohortId: string;
  assignmentId: string;
  progressId: string;
  reflectionId: string;
  inviteId: string;
  moduleId: string;
};

/** Rows an action could touch, counted before and after. */
async function snapshot() {
  const count = async (
    table:
      | typeof cohorts
      | typeof enrolments
      | typeof cohortInvites
      | typeof assignments
      | typeof auditLog
      | typeof users
      | typeof reflectionReviews
      | typeof cohortInstructors,
  ) => (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
  const [cohort] = await t.db.select().from(cohorts).where(eq(cohorts.id, s.cohortId));
  const [refl] = await t.db.select().from(reflections).where(eq(reflections.id, s.reflectionId));
  const resets = (await t.db.select().from(quizAttempts).where(eq(quizAttempts.progressId, s.progressId))).filter((a) => a.resetAt).length;
  const [invite] = await t.db.select().from(cohortInvites).where(eq(cohortInvites.id, s.inviteId));
  return {
    cohorts: await count(cohorts),
    enrolments: await count(enrolments),
    invites: await count(cohortInvites),
    assignments: await count(assignments),
    audit: await count(auditLog),
    users: await count(users),
    reviews: await count(reflectionReviews),
    instructors: await count(cohortInstructors),
    cohort: { name: cohort.name, status: cohort.status },
    reflection: refl.status,
    resets,
    inviteRevoked: invite.revokedAt,
    enrolmentStatuses: (await t.db.select({ st: enrolments.status }).from(enrolments).where(eq(enrolments.cohortId, s.cohortId)))
      .map((e) => e.st)
      .sort(),
  };
}

beforeAll(async () => {
  const { moduleId, versionId } = await publishBuiltInModules();
  const owner = await makeInstructor({ name: "Owner Instructor" });
  const stranger = await makeInstructor({ name: "Stranger Instructor" });
  const learner = await makeLearner({ name: '=HYPERLINK("http://x")' });
  const admin = await makeUser({ role: "admin", name: "Admin Person" });
  const cohort = await makeCohort({ instructorIds: [owner.id], name: "Owner's private cohort" });
  const own = await makeCohort({ instructorIds: [stranger.id], name: "Stranger's cohort" });
  await enrol(cohort.id, learner.id);
  const a = await makeAssignment({ cohortId: cohort.id, moduleId });
  const p = await progressOf(a.id, learner.id);
  await makeAttempt({ progressId: p.id, moduleVersionId: versionId, score: 50 });
  const r = await makeReflection({
    progressId: p.id,
    moduleVersionId: versionId,
    promptId: "friendliness-blur",
    body: "<img src=x onerror=alert(1)> my private story",
  });
  const { invite } = await createCohortInvite({ actor: owner, cohortId: cohort.id, days: 7, maxUses: 10 });
  Object.assign(s, {
    owner,
    stranger,
    learner,
    admin,
    cohortId: cohort.id,
    ownCohortId: own.id,
    assignmentId: a.id,
    progressId: p.id,
    reflectionId: r.id,
    inviteId: invite.id,
    moduleId,
  });
});

describe("pages", () => {
  const pages = async () => {
    const params = <T extends object>(p: T) => Promise.resolve(p);
    const sp = Promise.resolve({});
    return [
      [
        "progress",
        async () => (await import("./cohorts/[cohortId]/page")).default({ params: params({ cohortId: s.cohortId }), searchParams: sp }),
      ],
      [
        "enrol",
        async () =>
          (await import("./cohorts/[cohortId]/enrol/page")).default({ params: params({ cohortId: s.cohortId }), searchParams: sp }),
      ],
      [
        "assignment",
        async () =>
          (await import("./cohorts/[cohortId]/assignment/page")).default({
            params: params({ cohortId: s.cohortId }),
            searchParams: Promise.resolve({}),
          }),
      ],
      [
        "insights",
        async () =>
          (await import("./cohorts/[cohortId]/insights/page")).default({ params: params({ cohortId: s.cohortId }), searchParams: sp }),
      ],
      [
        "settings",
        async () =>
          (await import("./cohorts/[cohortId]/settings/page")).default({ params: params({ cohortId: s.cohortId }), searchParams: sp }),
      ],
      [
        "learner",
        async () =>
          (await import("./cohorts/[cohortId]/learners/[learnerId]/page")).default({
            params: params({ cohortId: s.cohortId, learnerId: s.learner.id }),
            searchParams: Promise.resolve({}),
          }),
      ],
      [
        "learner via own cohort",
        async () =>
          (await import("./cohorts/[cohortId]/learners/[learnerId]/page")).default({
            params: params({ cohortId: s.ownCohortId, learnerId: s.learner.id }),
            searchParams: Promise.resolve({}),
          }),
      ],
      [
        "review",
        async () =>
          (await import("./reviews/[reflectionId]/page")).default({ params: params({ reflectionId: s.reflectionId }), searchParams: sp }),
      ],
    ] as const;
  };
  /** The instructor's own area, not one cohort's: any instructor sees their own, other roles 404. */
  const workspacePages = async () => {
    const none = { params: Promise.resolve({}), searchParams: Promise.resolve({}) };
    return [
      ["my cohorts", async () => (await import("./page")).default(none)],
      ["archived cohorts", async () => (await import("./page")).default({ ...none, searchParams: Promise.resolve({ archived: "1" }) })],
      ["new cohort", async () => (await import("./cohorts/new/page")).default(none)],
      ["review queue", async () => (await import("./reviews/page")).default(none)],
    ] as const;
  };

  it("answer 404 to another instructor", async () => {
    as(s.stranger);
    for (const [, page] of await pages()) await expectNotFound(page());
  });

  it("answer 404 to a learner and to an admin (the admin's copy lives under /admin)", async () => {
    for (const u of [s.learner, s.admin]) {
      as(u);
      for (const [, page] of [...(await pages()), ...(await workspacePages())]) await expectNotFound(page());
    }
  });

  it("send someone signed out to sign in", async () => {
    who.user = null;
    for (const [name, page] of [...(await pages()), ...(await workspacePages())]) {
      await expect(page(), name).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;[a-z]+;\/signin;/) });
    }
  });

  it("show any instructor their own workspace", async () => {
    for (const u of [s.owner, s.stranger]) {
      as(u);
      for (const [name, page] of await workspacePages()) await expect(page(), name).resolves.toBeTruthy();
    }
  });

  it("render for the cohort's instructor", async () => {
    as(s.owner);
    const all = await pages();
    for (const [name, page] of all) {
      if (name === "learner via own cohort") await expectNotFound(page());
      else await expect(page(), name).resolves.toBeTruthy();
    }
  });

  it("the admin copy of the progress page is for admins only", async () => {
    const AdminPage = (await import("@/app/admin/cohorts/[cohortId]/page")).default;
    const call = () => AdminPage({ params: Promise.resolve({ cohortId: s.cohortId }), searchParams: Promise.resolve({}) });
    as(s.owner);
    await expectNotFound(call());
    as(s.admin);
    await expect(call()).resolves.toBeTruthy();
  });
});

describe("CSV export route", () => {
  const get = async (path = "", role: "instructor" | "admin" = "instructor") => {
    const mod =
      role === "instructor"
        ? await import("./cohorts/[cohortId]/export.csv/route")
        : await import("@/app/admin/cohorts/[cohortId]/export.csv/route");
    return mod.GET(new Request(`http://localhost/x/export.csv${path}`), { params: Promise.resolve({ cohortId: s.cohortId }) });
  };

  it("answers 404 to another instructor and a learner, and sends no session to sign in", async () => {
    for (const u of [s.stranger, s.learner, null]) {
      if (u) as(u);
      else who.user = null;
      const res = await get();
      // a download opened signed out goes to sign-in and back, like a page (README: "What a refused request gets")
      expect(res.status).toBe(u ? 404 : 303);
      if (!u) expect(res.headers.get("location")).toMatch(/^\/signin\?callbackUrl=/);
      expect(await res.text()).not.toContain(s.learner.email);
    }
  });

  it("gives the instructor the table with formula cells neutralised, uncached, named after the cohort", async () => {
    as(s.owner);
    const res = await get("?sort=name&dir=desc");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="owners-private-cohort-progress-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const text = await res.text();
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain(s.learner.email);
    expect(text).not.toContain("my private story");
  });

  it("refuses a sort outside the allowlist with 400, tables intact", async () => {
    as(s.owner);
    const res = await get(`?sort=${encodeURIComponent('name"; drop table users;--')}`);
    expect(res.status).toBe(400);
    expect((await t.db.select({ n: sql<number>`count(*)::int` }).from(users))[0].n).toBeGreaterThan(0);
  });

  it("serves admins at /admin, not instructors", async () => {
    as(s.admin);
    expect((await get("", "admin")).status).toBe(200);
    expect((await get("", "instructor")).status).toBe(404);
    as(s.owner);
    expect((await get("", "admin")).status).toBe(404);
  });
});

describe("actions", () => {
  it("refuse a POST without Origin, or from another site, before anything runs (Next.js lets a missing Origin through)", async () => {
    const cohortActions = await import("./cohorts/actions");
    as(s.owner);
    try {
      for (const origin of [null, "https://evil.example", "null"]) {
        request.origin = origin;
        const r = await cohortActions.updateCohortAction(
          undefined,
          form({ cohortId: s.cohortId, name: "Renamed by a forged post", description: "" }),
        );
        expect(r, String(origin)).toMatchObject({ ok: false, message: expect.stringMatching(/not sent from a Cohort page/) });
      }
    } finally {
      request.origin = "http://cohort.test";
    }
    const [row] = await t.db.select({ name: cohorts.name }).from(cohorts).where(eq(cohorts.id, s.cohortId));
    expect(row.name).not.toBe("Renamed by a forged post");
  });

  it("refuse another instructor, a learner and an admin with 404 and change no row", async () => {
    const cohortActions = await import("./cohorts/actions");
    const enrol = await import("./cohorts/[cohortId]/enrol/actions");
    const assign = await import("./cohorts/[cohortId]/assignment/actions");
    const learnerPage = await import("./cohorts/[cohortId]/learners/[learnerId]/actions");
    const review = await import("./reviews/[reflectionId]/actions");
    const newcomer = uniqueEmail("newcomer");
    const c = s.cohortId;
    const calls: [string, () => Promise<unknown>][] = [
      ["create", () => cohortActions.createCohortAction(undefined, form({ name: "Someone else's", description: "" }))],
      ["update", () => cohortActions.updateCohortAction(undefined, form({ cohortId: c, name: "Taken over", description: "" }))],
      ["archive", () => cohortActions.archiveCohortAction(undefined, form({ cohortId: c, archived: "1" }))],
      [
        "co-instructor",
        () => cohortActions.addCoInstructorAction(undefined, form({ cohortId: c, email: who.user?.email ?? s.stranger.email })),
      ],
      ["invite", () => enrol.createInviteAction(undefined, form({ cohortId: c, days: "7", maxUses: "5" }))],
      ["revoke", () => enrol.revokeInviteAction(undefined, form({ cohortId: c, inviteId: s.inviteId }))],
      ["revoke via own cohort", () => enrol.revokeInviteAction(undefined, form({ cohortId: s.ownCohortId, inviteId: s.inviteId }))],
      ["add by email", () => enrol.enrolByEmailAction(undefined, form({ cohortId: c, email: newcomer, name: "New Comer" }))],
      ["preview", () => enrol.previewRosterAction(undefined, form({ cohortId: c, csv: `A,${newcomer}` }))],
      [
        "import",
        () =>
          enrol.importRosterChunkAction(undefined, form({ cohortId: c, rows: JSON.stringify([{ line: 1, name: "A", email: newcomer }]) })),
      ],
      ["remove", () => enrol.removeLearnerAction(undefined, form({ cohortId: c, learnerId: s.learner.id }))],
      ["remove via own cohort", () => enrol.removeLearnerAction(undefined, form({ cohortId: s.ownCohortId, learnerId: s.learner.id }))],
      ["re-enrol", () => enrol.reenrolLearnerAction(undefined, form({ cohortId: c, learnerId: s.learner.id }))],
      ["set-password link", () => enrol.setPasswordLinkAction(undefined, form({ cohortId: c, learnerId: s.learner.id }))],
      [
        "assign",
        () =>
          assign.assignModuleAction(
            undefined,
            form({ cohortId: c, moduleId: s.moduleId, opensAt: "2030-01-01T00:00:00Z", dueAt: "2030-02-01T00:00:00Z" }),
          ),
      ],
      [
        "dates",
        () =>
          assign.updateDatesAction(
            undefined,
            form({ cohortId: c, assignmentId: s.assignmentId, opensAt: "2030-01-01T00:00:00Z", dueAt: "2030-02-01T00:00:00Z" }),
          ),
      ],
      [
        "dates via own cohort",
        () =>
          assign.updateDatesAction(
            undefined,
            form({ cohortId: s.ownCohortId, assignmentId: s.assignmentId, opensAt: "2030-01-01T00:00:00Z", dueAt: "2030-02-01T00:00:00Z" }),
          ),
      ],
      ["reset", () => learnerPage.resetAttemptsAction(undefined, form({ cohortId: c, progressId: s.progressId, reason: "Because I can" }))],
      [
        "reset via own cohort",
        () =>
          learnerPage.resetAttemptsAction(undefined, form({ cohortId: s.ownCohortId, progressId: s.progressId, reason: "Because I can" })),
      ],
      [
        "review",
        () =>
          review.reviewReflectionAction(
            undefined,
            form({ reflectionId: s.reflectionId, decision: "accepted", feedback: "", version: "1" }),
          ),
      ],
    ];
    const before = await snapshot();
    for (const u of [s.stranger, s.learner, s.admin]) {
      as(u);
      // creating a cohort is every instructor's own business: only the other roles are refused
      for (const [name, call] of calls.filter(([name]) => name !== "create" || u !== s.stranger)) {
        await expectNotFound(call()).catch((e) => {
          throw new Error(`${u.name} → ${name}: ${(e as Error).message}`);
        });
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("let a staff account not join through an invite link", async () => {
    const { joinAction } = await import("@/app/join/[token]/actions");
    as(s.owner);
    const { token } = await createCohortInvite({ actor: s.owner, cohortId: s.cohortId, days: 7, maxUses: 10 });
    for (const u of [s.stranger, s.admin]) {
      as(u);
      const r = await joinAction(undefined, form({ token }));
      expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/Staff accounts cannot join/) });
    }
    const staffEnrolments = await t.db.select().from(enrolments).where(eq(enrolments.userId, s.stranger.id));
    expect(staffEnrolments).toHaveLength(0);
  });

  it("let anyone open an invite link; joining signed out goes to sign-in and back to the link", async () => {
    const JoinPage = (await import("@/app/join/[token]/page")).default;
    const { joinAction } = await import("@/app/join/[token]/actions");
    const { token } = await createCohortInvite({ actor: s.owner, cohortId: s.cohortId, days: 7, maxUses: 10 });
    for (const u of [null, s.learner, s.stranger]) {
      who.user = null;
      if (u) as(u);
      await expect(JoinPage({ params: Promise.resolve({ token }), searchParams: Promise.resolve({}) })).resolves.toBeTruthy();
    }
    who.user = null;
    await expect(joinAction(undefined, form({ token }))).rejects.toMatchObject({
      digest: expect.stringContaining(`/signin?callbackUrl=${encodeURIComponent(`/join/${token}`)}`),
    });
  });

  it("never send a typed password back with the sign-up form's errors", async () => {
    const { signUpAction } = await import("@/app/join/[token]/actions");
    const { token } = await createCohortInvite({ actor: s.owner, cohortId: s.cohortId, days: 7, maxUses: 10 });
    who.user = null;
    const mismatch = await signUpAction(
      undefined,
      form({ token, name: "New Person", email: uniqueEmail("pw"), password: "a long enough secret", confirm: "another secret" }),
    );
    expect(mismatch).toMatchObject({
      ok: false,
      fieldErrors: { confirm: expect.stringMatching(/not the same/) },
      values: { name: "New Person" },
    });
    expect(mismatch.values).not.toHaveProperty("password");
    expect(mismatch.values).not.toHaveProperty("confirm");
    const taken = await signUpAction(
      undefined,
      form({ token, name: "Again", email: s.learner.email, password: "a long enough secret", confirm: "a long enough secret" }),
    );
    // an email that has an account is answered as a new one would be (security finding 13: no enumeration)
    expect(taken).toMatchObject({ ok: true, data: { email: s.learner.email } });
    expect(JSON.stringify(taken)).not.toContain("a long enough secret");
  });
});
