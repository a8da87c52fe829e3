/**
 * Progress you can see, and the moments that matter (issue 15, items 6–7):
 * the cohort funnel and completion trend on the fixture cohort (Alpha E2E,
 * e2e/admin-fixtures.ts), the admin chart's week drill-down, a learner's
 * success state and "awaiting review" explained, and empty states that
 * offer the next step.
 */
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_FIXTURE_TAG } from "./admin-fixtures";
import { createAccount, enrolledLearner, requireE2eSql } from "./fixtures";
import { expectAccessible, signIn, storage } from "./helpers";

const alpha = `Alpha ${ADMIN_FIXTURE_TAG}`;

async function openAlphaAsAdmin(page: Page) {
  await page.goto("/admin");
  await page.getByTestId("cohort-table").getByRole("link", { name: alpha, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(alpha);
}

test.describe("admin", () => {
  test.use({ storageState: storage.admin });

  test("the fixture cohort's funnel, trend and per-learner progress bars", async ({ page }) => {
    await openAlphaAsAdmin(page);
    // Ada and Ben complete, Cy started (failed the quiz), Dee not started; Eve removed counts nowhere
    const count = (stage: string) => page.getByTestId(`funnel-${stage}`).getByTestId("funnel-count");
    await expect(count("notStarted")).toHaveText("1");
    await expect(count("reading")).toHaveText("3");
    await expect(count("quizPassed")).toHaveText("2");
    await expect(count("reflectionsIn")).toHaveText("2");
    await expect(count("complete")).toHaveText("2");
    // the trend: opens Jan 5, due Feb 1, Ben's late completion widens it to the week of Feb 2
    const trend = page.getByTestId("completion-trend");
    await expect(trend).toContainText("2 completions from the week of Jan 5, 2026 to the week of Feb 2, 2026");
    await trend.getByText("Show the numbers as a table").click();
    await expect(trend.getByRole("row")).toHaveCount(6);
    await expect(trend.getByRole("row", { name: /Jan 19, 2026/ })).toContainText("1");
    await expect(page.getByTestId("learner-progress").first()).toBeVisible();
    await expectAccessible(page);
  });

  test("a week of the overview chart opens that week's completions", async ({ page }) => {
    await page.goto("/admin");
    // the keyboard's way: the week is a link in the table alternative
    await page.getByText("Show the numbers as a table").click();
    await page.getByRole("link", { name: "2026-01-19", exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/completions\?week=2026-01-19/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Completions in the week of January 19, 2026");
    const list = page.getByTestId("week-completions");
    await expect(list.getByRole("link", { name: "Ada Alpha" })).toHaveAttribute("href", /^\/people\/[0-9a-f-]{36}\/record$/);
    await expect(list).not.toContainText("Eve Alpha"); // removed from the cohort: not counted
    await expectAccessible(page);

    // the pointer's way: a bar of the chart
    await page.goto("/admin");
    await page.locator("[data-testid=completions-chart] .recharts-bar-rectangle path").first().click();
    await expect(page).toHaveURL(/\/admin\/completions\?week=\d{4}-\d{2}-\d{2}/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Completions in the week of");
  });

  test("a week that is not a Monday is explained, with the way back", async ({ page }) => {
    await page.goto("/admin/completions?week=2026-01-20");
    await expect(page.getByRole("link", { name: "Back to the overview" })).toHaveAttribute("href", /^\/admin/);
  });
});

test.describe("learner", () => {
  test("a completed module shows the certificate, its PDF and verification, and the hours earned", async ({ browser }) => {
    const sql = requireE2eSql();
    const me = await enrolledLearner("Success Tester");
    const code = `E2E-${randomBytes(4).toString("hex")}`.toUpperCase();
    await sql`update assignment_progress p set module_version_id = v.id, sections_read = jsonb_array_length(v.content -> 'sections'),
        attempts_count = 1, best_score = 95, quiz_passed_at = now(), reflections_submitted = jsonb_array_length(v.content -> 'reflections'),
        started_at = now(), completed_at = now(), last_activity_at = now()
      from assignments a, lateral (select id, content from module_versions where module_id = a.module_id order by version desc limit 1) v
      where p.id = ${me.progressId} and a.id = p.assignment_id`;
    await sql`insert into certificates (code, progress_id, user_id, learner_name, module_title, module_version, provider_name,
        cohort_name, instructor_names, completed_at, contact_hours, hours_category)
      select ${code}, p.id, p.user_id, ${me.name}, v.title, v.version, 'Cohort Training Program', c.name, 'Dana Rivera', now(),
        v.contact_hours, v.hours_category
      from assignment_progress p join module_versions v on v.id = p.module_version_id join cohorts c on c.id = p.cohort_id
      where p.id = ${me.progressId}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, me.email, me.password);
    await page.waitForURL(/\/learn/);
    await page.goto(`/learn/${me.progressId}`);
    const success = page.getByTestId("completion-success");
    await expect(success.getByRole("heading")).toContainText("You completed");
    await expect(success.getByTestId("hours-earned")).toHaveText(/^\d+(\.\d+)? contact hours?$/);
    await expect(success.getByRole("link", { name: "View your certificate" })).toHaveAttribute("href", /^\/certificates\/[0-9a-f-]{36}$/);
    await expect(success.getByRole("link", { name: "Download the PDF" })).toHaveAttribute("href", /^\/certificates\/[0-9a-f-]{36}\/pdf$/);
    await expect(success.getByRole("link", { name: "Verification page" })).toHaveAttribute("href", `/verify/${code}`);
    await expect(success.getByRole("link", { name: "See your other assignments" })).toHaveAttribute("href", "/learn");
    await expectAccessible(page);
    // the same moment on the reflections page, where the last submission completes it
    await page.goto(`/learn/${me.progressId}/reflections`);
    await expect(page.getByTestId("completion-success")).toContainText("contact hour");
    await context.close();
  });

  test("awaiting review says who reviews, what happens next and that the learner is notified", async ({ browser }) => {
    const sql = requireE2eSql();
    const me = await enrolledLearner("Waiting Tester");
    await sql`update assignment_progress p set module_version_id = v.id, sections_read = jsonb_array_length(v.content -> 'sections'),
        attempts_count = 1, best_score = 95, quiz_passed_at = now(), reflections_submitted = jsonb_array_length(v.content -> 'reflections'),
        started_at = now(), last_activity_at = now()
      from assignments a, lateral (select id, content from module_versions where module_id = a.module_id order by version desc limit 1) v
      where p.id = ${me.progressId} and a.id = p.assignment_id`;
    // the Evening cohort's reflections must be accepted (the demo seed): submitted, they wait for review
    await sql`insert into reflections (progress_id, assignment_id, user_id, module_version_id, prompt_id, body, word_count, status, submitted_at)
      select p.id, p.assignment_id, p.user_id, p.module_version_id, r ->> 'id', 'A reflection written for the e2e test.', 80, 'submitted', now()
      from assignment_progress p join module_versions v on v.id = p.module_version_id, jsonb_array_elements(v.content -> 'reflections') r
      where p.id = ${me.progressId}`;
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, me.email, me.password);
    await page.waitForURL(/\/learn/);
    await page.goto(`/learn/${me.progressId}`);
    const notice = page.getByTestId("awaiting-review-detail");
    await expect(notice.getByRole("heading")).toHaveText("Awaiting review");
    await expect(notice).toContainText("waiting for your instructor's review");
    await expect(page.getByTestId("awaiting-review-next")).toContainText("Dana Rivera");
    await expect(page.getByTestId("awaiting-review-next")).toContainText("You are notified either way");
    await expect(page.getByTestId("completion-success")).toHaveCount(0);
    await expectAccessible(page);
    await context.close();
  });
});

test.describe("empty states offer the next step", () => {
  test("a learner with nothing assigned, and no notifications", async ({ browser }) => {
    requireE2eSql();
    const me = await createAccount("learner", "Empty Learner");
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, me.email, me.password);
    await page.waitForURL(/\/learn/);
    await expect(page.getByText("Nothing is assigned to you yet.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Check your notifications" })).toHaveAttribute("href", "/notifications");
    await expectAccessible(page);
    await page.goto("/notifications");
    await expect(page.getByText("No notifications yet.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Choose which emails you get" })).toHaveAttribute("href", "/notifications/preferences");
    await context.close();
  });

  test("an instructor without cohorts is offered to create one", async ({ browser }) => {
    requireE2eSql();
    const me = await createAccount("instructor", "Empty Instructor");
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, me.email, me.password);
    await page.waitForURL(/\/instructor/);
    await expect(page.getByRole("link", { name: "Create a cohort" }).last()).toHaveAttribute("href", "/instructor/cohorts/new");
    await expectAccessible(page);
    await context.close();
  });
});
