/**
 * The defects a new user hit (issue 15), checked where they showed: in the
 * browser. Each test failed before its fix.
 */
import { createHash, randomBytes } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { createAccount, enrolledLearner, fill, requireE2eSql } from "./fixtures";
import { signIn, storage } from "./helpers";

const words = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}${i}`).join(" ");

async function as(browser: Browser, who: keyof typeof storage) {
  const context = await browser.newContext({ storageState: storage[who] });
  return { context, page: await context.newPage() };
}

test("settings: an added hour-target category shows what was saved, and saving again keeps it", async ({ browser }) => {
  const sql = requireE2eSql();
  const { context, page } = await as(browser, "admin");
  const category = `E2E category ${randomBytes(3).toString("hex")}`;
  try {
    await page.goto("/admin/settings");
    const rows = page.getByLabel(/^Category \d+$/);
    const before = await rows.count();
    await page.getByRole("button", { name: "Add a category" }).click();
    await expect(rows).toHaveCount(before + 1);
    await rows.nth(before).fill(category);
    await page.getByLabel(`Hours for category ${before + 1}`).fill("2.5");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Settings saved" })).toBeVisible();
    // the row shows what was stored, not a blank row
    await expect(page.getByLabel(/^Category \d+$/).nth(before)).toHaveValue(category);
    await expect(page.getByLabel(`Hours for category ${before + 1}`)).toHaveValue("2.5");
    // saving again keeps it (before the fix the row had come back blank, and this save deleted the category)
    const second = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/admin/settings");
    await page.getByRole("button", { name: "Save settings" }).click();
    await second;
    await expect(page.getByRole("status").filter({ hasText: "Settings saved" })).toBeVisible();
    const [row] = await sql<{ targets: { category: string }[] }[]>`select hour_targets as targets from org_settings where id = 1`;
    expect(row.targets.map((t) => t.category)).toContain(category);
    await expect(page.getByLabel(/^Category \d+$/).nth(before)).toHaveValue(category);
  } finally {
    await sql`update org_settings set hour_targets = (
      select coalesce(jsonb_agg(t), '[]'::jsonb) from jsonb_array_elements(hour_targets) t where t->>'category' <> ${category}) where id = 1`;
    await context.close();
  }
});

test.describe("a learner's reflections", () => {
  test("submitting right after typing, while an autosave is on its way, submits at once; an accepted one says so once", async ({
    page,
  }) => {
    const sql = requireE2eSql();
    const me = await enrolledLearner("Quick Submitter");
    await signIn(page, me.email, me.password);
    await expect(page).toHaveURL(/\/learn/);
    // a slow network: each autosave takes 1.5 s to reach the server
    await page.route("**/api/reflections/**", async (route) => {
      if (route.request().method() === "PUT") await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.goto(`/learn/${me.progressId}/reflections`);
    const box = page.getByLabel("Your reflection 1");
    await box.fill(words(80, "w"));
    await expect(page.getByTestId("reflection-1-save")).toHaveText("Saving…");
    await box.pressSequentially(" last words");
    await page.getByRole("button", { name: "Submit reflection 1" }).click();
    await expect(page.getByTestId("reflection-1-status")).toContainText("Submitted", { timeout: 8_000 });
    // no conflict box (Next.js's own route announcer is an empty role=alert, so the box is found by its words)
    await expect(page.getByText(/in another tab or device/)).toHaveCount(0);
    const [saved] = await sql<{ id: string; body: string; status: string }[]>`
      select id, body, status from reflections where progress_id = ${me.progressId} and status = 'submitted'`;
    expect(saved.body).toBe(`${words(80, "w")} last words`);

    // the instructor accepts it later than it was submitted: one status line, dated by the review
    await sql`update reflections set status = 'accepted' where id = ${saved.id}`;
    await sql`insert into reflection_reviews (reflection_id, decision, feedback, created_at)
      values (${saved.id}, 'accepted', '', now() + interval '400 days')`;
    await page.reload();
    await expect(page.getByTestId("reflection-1-status")).toContainText("Accepted by your instructor");
    await expect(page.getByTestId("reflection-1-status")).toContainText(String(new Date(Date.now() + 400 * 86_400_000).getFullYear()));
    // no second "accepted" line dated differently (feedback, when there is some, still shows)
    await expect(page.getByTestId("reflection-1-feedback")).toHaveCount(0);
  });

  test("the quiz intro stops asking to read the lesson once every section is read", async ({ page }) => {
    const sql = requireE2eSql();
    const me = await enrolledLearner("Careful Reader");
    await signIn(page, me.email, me.password);
    await expect(page).toHaveURL(/\/learn/);
    await page.goto(`/learn/${me.progressId}/quiz`);
    await expect(page.getByRole("link", { name: "Read the lesson first" })).toBeVisible();
    await sql`
      insert into section_reads (progress_id, section_id)
      select p.id, s->>'id' from assignment_progress p join assignments a on a.id = p.assignment_id
      join module_versions v on v.id = coalesce(p.module_version_id, (select id from module_versions where module_id = a.module_id order by version desc limit 1))
      cross join jsonb_array_elements(v.content->'sections') s
      where p.id = ${me.progressId} on conflict do nothing`;
    await page.reload();
    await expect(page.getByRole("link", { name: "Review the lesson" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Read the lesson first" })).toHaveCount(0);
  });
});

test("joining: a password mismatch keeps the first password and says what to retype", async ({ page }) => {
  const sql = requireE2eSql();
  const token = randomBytes(32).toString("base64url");
  const hash = createHash("sha256").update(token).digest("hex");
  await sql`insert into cohort_invites (cohort_id, token_hash, expires_at, max_uses)
    values (${await fill("{cohortId}")}, ${hash}, now() + interval '1 day', 5)`;
  await page.goto(`/join/${token}`);
  await page.getByLabel("Your name").fill("Pat Mismatch");
  await page.getByLabel("Email").fill(`e2e-join-${randomBytes(3).toString("hex")}@test.cohort`);
  await page.getByLabel("Choose a password").fill("a long enough sentence");
  await page.getByLabel("Type it again").fill("a long enough sentense");
  await page.getByRole("button", { name: "Create account and join" }).click();
  const confirm = page.getByLabel("Type it again");
  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/Your first password is kept/)).toBeVisible();
  await expect(page.getByLabel("Choose a password")).toHaveValue("a long enough sentence");
  await expect(page.getByLabel("Your name")).toHaveValue("Pat Mismatch");
});

test("staff forms mark the fields they complain about; the assign form starts with dates", async ({ browser }) => {
  const sql = requireE2eSql();
  const instructor = await createAccount("instructor", "Form Tester");
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signIn(page, instructor.email, instructor.password);
    await expect(page).toHaveURL(/\/instructor/);
    await page.goto("/instructor/cohorts/new");
    await page.getByRole("button", { name: "Create cohort" }).click();
    await expect(page.getByLabel("Cohort name")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Enter a name for the cohort.")).toBeVisible();

    await page.getByLabel("Cohort name").fill(`E2E form cohort ${randomBytes(2).toString("hex")}`);
    await page.getByRole("button", { name: "Create cohort" }).click();
    await expect(page).toHaveURL(/\/instructor\/cohorts\/[0-9a-f-]{36}$/);
    await page.goto(`${page.url()}/assignment`);
    const opens = page.getByLabel("Opens", { exact: true });
    const due = page.getByLabel("Due", { exact: true });
    await expect(opens).not.toHaveValue("");
    await expect(due).not.toHaveValue("");
    const days = await page.evaluate(
      ([o, d]) => (new Date(d).getTime() - new Date(o).getTime()) / 86_400_000,
      [await opens.inputValue(), await due.inputValue()],
    );
    expect(Math.round(days)).toBe(15);
    await due.fill("");
    await page.getByRole("button", { name: "Assign module" }).click();
    await expect(due).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Enter the due date.")).toBeVisible();
  } finally {
    await sql`update cohorts set status = 'archived' where id in (select cohort_id from cohort_instructors where user_id = ${instructor.id})`;
    await context.close();
  }
});
