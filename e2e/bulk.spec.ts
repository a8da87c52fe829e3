/**
 * Bulk actions and due-date extensions as people meet them (issue 15, items
 * 4 and 5): an instructor ticks three learners and gives them a new due date
 * that a learner then sees on their home page; removes two learners after a
 * confirmation dialog; an admin deactivates two people from the People list
 * (confirmed, results per row); the review queue filtered to one learner
 * goes from one reflection to the next and back to the queue.
 */
import { expect, test, type Browser } from "@playwright/test";
import { createAccount, enrolledLearner, requireE2eSql } from "./fixtures";
import { signIn, storage } from "./helpers";

const tagOf = () => `Bulk${Math.random().toString(36).slice(2, 7)}`;

async function cohortOf(progressId: string) {
  const sql = requireE2eSql();
  const [c] = await sql<{ id: string; name: string }[]>`
    select c.id, c.name from assignment_progress p join cohorts c on c.id = p.cohort_id where p.id = ${progressId}`;
  return c;
}

async function instructorPage(browser: Browser) {
  const context = await browser.newContext({ storageState: storage.instructor });
  return { context, page: await context.newPage() };
}

test("select three learners, extend their due date; a learner sees the new date, marked extended", async ({ browser }) => {
  test.setTimeout(5 * 60_000);
  const tag = tagOf();
  const learners = [];
  for (const n of ["A", "B", "C"]) learners.push(await enrolledLearner(`${tag} ${n}`));
  const cohort = await cohortOf(learners[0].progressId);

  const { context, page } = await instructorPage(browser);
  await page.goto(`/instructor/cohorts/${cohort.id}?q=${tag}`);
  for (const l of learners) await page.getByRole("checkbox", { name: `Select ${l.name}`, exact: true }).check();
  await expect(page.getByTestId("selected-count")).toHaveText("3 learners selected");
  await page.getByRole("button", { name: "Extend due date…" }).click();
  // a date before the assignment opens is refused next to the field; what was typed and ticked stays
  await page.getByLabel("New due date").fill("2001-01-15T12:00");
  await page.getByLabel("Reason (optional)").fill("Agency closed for a week");
  await page.getByRole("button", { name: "Set due date" }).click();
  await expect(page.getByText("The new due date must be after the assignment opens.").first()).toBeVisible();
  await expect(page.getByLabel("New due date")).toHaveValue("2001-01-15T12:00");
  await expect(page.getByLabel("Reason (optional)")).toHaveValue("Agency closed for a week");
  await expect(page.getByTestId("selected-count")).toHaveText("3 learners selected");
  await page.getByLabel("New due date").fill("2027-01-15T12:00");
  await page.getByRole("button", { name: "Set due date" }).click();
  await expect(page.getByText("New due date set for 3 learners.")).toBeVisible();
  await expect(page.getByTestId("bulk-outcome").filter({ hasText: "Due date extended" })).toHaveCount(3);
  await expect(page.getByTestId(`learner-row-${learners[0].email}`).getByTestId("extended-due")).toContainText("(extended)");
  await context.close();

  const learner = await browser.newContext();
  const home = await learner.newPage();
  await signIn(home, learners[0].email, learners[0].password);
  await home.waitForURL(/\/learn/);
  await expect(home.getByTestId("due").first()).toContainText("January 15, 2027 (extended)");
  await home.goto(`/learn/${learners[0].progressId}`);
  await expect(home.getByTestId("extended")).toBeVisible();
  await learner.close();
});

test("remove two learners from the cohort, after a dialog that says what happens", async ({ browser }) => {
  test.setTimeout(5 * 60_000);
  const tag = tagOf();
  const a = await enrolledLearner(`${tag} A`);
  const b = await enrolledLearner(`${tag} B`);
  const cohort = await cohortOf(a.progressId);

  const { context, page } = await instructorPage(browser);
  await page.goto(`/instructor/cohorts/${cohort.id}?q=${tag}`);
  await page.getByLabel("Select all on this page").check();
  await expect(page.getByTestId("selected-count")).toHaveText("2 learners selected");
  await page.getByRole("button", { name: "Remove from cohort" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`Remove 2 learners from ${cohort.name}?`);
  await expect(dialog).toContainText("Their progress, quiz attempts, reflections and certificates are kept");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId(`learner-row-${a.email}`)).toBeVisible();

  await page.getByRole("button", { name: "Remove from cohort" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove 2 learners" }).click();
  await expect(page.getByText("2 learners removed.")).toBeVisible();
  await expect(page.getByTestId("bulk-outcome").filter({ hasText: "Removed" })).toHaveCount(2);
  await expect(page.getByTestId(`learner-row-${a.email}`)).toHaveCount(0);
  await expect(page.getByTestId(`learner-row-${b.email}`)).toHaveCount(0);
  await context.close();
});

test("an admin deactivates two people at once: confirmed in a dialog, results per row", async ({ browser }) => {
  test.setTimeout(5 * 60_000);
  const tag = tagOf();
  const one = await createAccount("learner", `${tag} One`);
  const two = await createAccount("instructor", `${tag} Two`);
  const admin = await browser.newContext({ storageState: storage.admin });
  const page = await admin.newPage();
  await page.goto(`/admin/users?q=${tag}`);
  // the row button is secondary, and asks first too
  await page
    .getByTestId(`user-row-${one.email}`)
    .getByRole("button", { name: `Deactivate ${one.name}` })
    .click();
  await expect(page.getByRole("alertdialog")).toContainText(`Deactivate ${one.name}?`);
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();

  await page.getByLabel("Select all on this page").check();
  await expect(page.getByTestId("people-selected-count")).toHaveText("2 people selected");
  // "Change role" with no role chosen is refused next to the field, and both people stay ticked
  await page.getByTestId("people-bulk-bar").getByRole("button", { name: "Change role" }).click();
  await expect(page.getByText("Choose the new role.").first()).toBeVisible();
  await expect(page.getByTestId("people-selected-count")).toHaveText("2 people selected");
  await page.getByTestId("people-bulk-bar").getByRole("button", { name: "Deactivate", exact: true }).click();
  await expect(page.getByRole("alertdialog")).toContainText("Deactivate 2 people?");
  await page.getByRole("alertdialog").getByRole("button", { name: "Deactivate 2 people" }).click();
  await expect(page.getByText("2 people deactivated.")).toBeVisible();
  await expect(page.getByTestId("people-outcome").filter({ hasText: "Deactivated" })).toHaveCount(2);
  const sql = requireE2eSql();
  const rows = await sql<{ status: string }[]>`select status from users where id in (${one.id}, ${two.id})`;
  expect(rows.map((r) => r.status)).toEqual(["deactivated", "deactivated"]);
  await admin.close();
});

test("the review queue filtered to one learner: review, then the next, then back to the queue", async ({ browser }) => {
  test.setTimeout(5 * 60_000);
  const tag = tagOf();
  const learner = await enrolledLearner(`${tag} Writer`);
  const sql = requireE2eSql();
  // two submitted reflections of this learner, on the version they work against
  await sql`
    with v as (
      select p.id as progress_id, p.assignment_id, p.user_id, mv.id as version_id, mv.content
      from assignment_progress p join assignments a on a.id = p.assignment_id
      join lateral (select id, content from module_versions where module_id = a.module_id order by version desc limit 1) mv on true
      where p.id = ${learner.progressId})
    insert into reflections (progress_id, assignment_id, user_id, module_version_id, prompt_id, body, word_count, status, submitted_at, version)
    select v.progress_id, v.assignment_id, v.user_id, v.version_id, r->>'id', 'A reflection written for the queue test.', 7, 'submitted',
           now() - (n || ' minutes')::interval, 1
    from v cross join lateral jsonb_array_elements(v.content->'reflections') with ordinality as x(r, n)
    where n <= 2`;
  await sql`update assignment_progress set module_version_id = (select module_version_id from reflections where progress_id = ${learner.progressId} limit 1) where id = ${learner.progressId}`;

  const { context, page } = await instructorPage(browser);
  await page.goto("/instructor/reviews");
  await page.getByLabel("Learner").selectOption({ label: `${learner.name} (2)` });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("waiting-count")).toHaveText("2 reflections waiting in this filter");
  await expect(page.getByTestId("review-row")).toHaveCount(2);
  await page
    .getByTestId("review-row")
    .first()
    .getByRole("link", { name: /Review/ })
    .click();

  await expect(page.getByTestId("waiting-count")).toContainText("2 waiting in this filter");
  await page.getByLabel("Feedback for the learner").fill("Say more about what you would do next time.");
  await page.getByRole("button", { name: "Request a revision" }).click();
  await expect(page.getByText("Revision requested. The learner sees your feedback. Here is the next one waiting.")).toBeVisible();
  await expect(page.getByTestId("waiting-count")).toContainText("1 waiting in this filter");

  await page.getByLabel("Feedback for the learner").fill("Add one example from your own practice.");
  await page.getByRole("button", { name: "Request a revision" }).click();
  await expect(page).toHaveURL(/\/instructor\/reviews\?/);
  await expect(page.getByText("No more reflections are waiting in this filter.")).toBeVisible();
  await expect(page.getByTestId("waiting-count")).toHaveText("0 reflections waiting in this filter");
  await context.close();
});
