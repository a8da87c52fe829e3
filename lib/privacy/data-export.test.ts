import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { TEST_PASSWORD } from "@/db/test/factories";
import { makeLearnerWithHistory, REFLECTION_TEXT } from "@/db/test/prod-factories";
import { setupTestDb } from "@/db/test/test-db";
import { createAccountToken } from "../accounts/set-password-links";
import { authenticate } from "../accounts/sign-in";
import { EXPORT_FORMAT, getPersonalDataExport } from "./data-export";

setupTestDb();

describe("getPersonalDataExport", () => {
  it("holds everything about the learner: profile, sessions, enrolment, progress, answers, reflections with feedback, certificate, activity", async () => {
    const a = await makeLearnerWithHistory({ name: "Export Learner" });
    await authenticate({ email: a.learner.email, password: TEST_PASSWORD, ip: "198.51.100.4" });
    const data = (await getPersonalDataExport({ userId: a.learner.id }))!;
    expect(data.format).toBe(EXPORT_FORMAT);
    expect(data.profile).toMatchObject({ id: a.learner.id, name: "Export Learner", email: a.learner.email, role: "learner" });
    expect(data.sessions.map((s) => s.ip)).toContain("198.51.100.4");
    expect(data.enrolments).toEqual([expect.objectContaining({ cohort: a.cohort.name, status: "active" })]);
    expect(data.assignments).toHaveLength(1);
    const [assignment] = data.assignments;
    expect(assignment).toMatchObject({ cohort: a.cohort.name, bestScore: 90, sectionsRead: 2 });
    expect(assignment.sectionsReadList.map((r) => r.sectionId).sort()).toEqual(["friendship", "trust"]);
    expect(assignment.quizAttempts).toEqual([
      expect.objectContaining({
        score: 90,
        passed: true,
        responses: expect.arrayContaining([{ itemId: "q2", idea: "friendship", chosenOptionIds: ["b", "c"], correct: false }]),
      }),
    ]);
    const submitted = assignment.reflections.find((r) => r.promptId === "p1")!;
    expect(submitted.body).toBe(REFLECTION_TEXT);
    expect(submitted.reviews).toEqual([
      expect.objectContaining({ decision: "revision_requested", feedback: "Say more about the boundary.", reviewer: "Inez Instructor" }),
    ]);
    expect(assignment.reflections.find((r) => r.promptId === "p2")?.status).toBe("draft");
    expect(data.certificates).toEqual([expect.objectContaining({ code: a.certificate!.code, learnerName: "Export Learner" })]);
    expect(data.activity.map((e) => e.action)).toContain("auth.sign_in");
  });

  it("holds no password hash, token and nothing of anyone else", async () => {
    const a = await makeLearnerWithHistory();
    const b = await makeLearnerWithHistory({ name: "Someone Else Entirely" });
    await createAccountToken(getDb(), { userId: a.learner.id, purpose: "set_password", createdBy: null });
    const text = JSON.stringify(await getPersonalDataExport({ userId: a.learner.id }));
    expect(text).not.toContain("$argon2");
    expect(text).not.toMatch(/passwordHash|tokenHash|password_hash|token_hash/);
    expect(text).not.toContain(b.learner.email);
    expect(text).not.toContain("Someone Else Entirely");
    expect(text).not.toContain(b.learner.id);
    expect(text).not.toContain(b.certificate!.code);
    // the reviewer appears by name only
    expect(text).not.toContain(a.instructor.email);
    expect(text).not.toContain(a.instructor.id);
  });

  it("answers null for an unknown person", async () => {
    expect(await getPersonalDataExport({ userId: "00000000-0000-4000-8000-000000000000" })).toBeNull();
  });
});
