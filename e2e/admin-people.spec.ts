/**
 * Item 8 and defects 11–12 end to end: an admin adds a learner and enrols
 * them, imports a CSV with one bad row, corrects a person's name and email
 * (the person sees the notification and signs in with the new address), and
 * a learner who completed the module in one cohort sees it complete in the
 * other, by prior completion.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createAccount, requireE2eSql } from "./fixtures";
import { expectAccessible, signIn, storage } from "./helpers";

const EVENING = "Evening Peer Support Cohort";
const EASTSIDE = "Eastside Reentry Cohort";
const NORTHSIDE = "Northside Recovery Cohort";

test("an admin adds a learner with a cohort, enrols them in another, and opens them from the cohort's learner table", async ({
  browser,
}) => {
  test.setTimeout(5 * 60_000);
  const tag = Math.random().toString(36).slice(2, 7);
  const admin = await (await browser.newContext({ storageState: storage.admin })).newPage();

  await admin.goto("/admin/users");
  await admin.getByRole("link", { name: "Add a learner" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Add a learner" })).toBeVisible();
  await expectAccessible(admin);
  const email = `new.learner.${tag}@example.org`;
  await admin.getByLabel("Name").fill(`New Learner ${tag}`);
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Enroll in a cohort (optional)").selectOption({ label: EASTSIDE });
  await admin.getByRole("button", { name: "Create learner" }).click();
  await expect(admin.getByText(`Account created for New Learner ${tag} and enrolled in ${EASTSIDE}.`)).toBeVisible();
  await expect(admin.getByLabel("Set-password link (shown only now)")).toHaveValue(/\/set-password\/[A-Za-z0-9_-]{40,}$/);

  // the same email again: refused next to the field
  await admin.getByLabel("Name").fill("Someone Else");
  await admin.getByLabel("Email").fill(email.toUpperCase());
  await admin.getByRole("button", { name: "Create learner" }).click();
  await expect(admin.getByText("Another account already uses this email.")).toBeVisible();

  // a search that finds no one says so, with a way back to everyone
  await admin.goto(`/admin/users?q=${encodeURIComponent(`nobody.${tag}`)}`);
  await expect(admin.getByText("0 people match")).toBeVisible();
  await expect(admin.getByText("No one matches these filters.")).toBeVisible();
  await admin.getByRole("link", { name: "Show everyone" }).click();
  await expect(admin).toHaveURL(/\/admin\/users$/);
  await expect(admin.getByRole("status").filter({ hasText: /people$/ })).toBeVisible();

  // their page: enrolled in Eastside; enrol them in Northside too
  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await admin.getByRole("link", { name: `New Learner ${tag}` }).click();
  await expect(admin.getByRole("list", { name: "Enrolled in" })).toContainText(EASTSIDE);
  await admin.getByLabel("Cohort", { exact: true }).selectOption({ label: NORTHSIDE });
  await admin.getByRole("button", { name: "Enroll", exact: true }).click();
  await expect(admin.getByText("Enrolled.")).toBeVisible();
  await admin.reload();
  await expect(admin.getByRole("list", { name: "Enrolled in" })).toContainText(NORTHSIDE);
  await expectAccessible(admin);

  // defect 11: the learner's row in the admin's cohort view opens their page
  await admin.getByRole("link", { name: NORTHSIDE }).click();
  await expect(admin).toHaveURL(/\/admin\/cohorts\/[0-9a-f-]{36}$/);
  await admin.goto(`${admin.url()}?q=${encodeURIComponent(email)}`);
  await admin.getByRole("link", { name: `New Learner ${tag}` }).click();
  await expect(admin).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
  await expect(admin.getByRole("heading", { level: 1, name: `New Learner ${tag}` })).toBeVisible();
});

test("an admin creates a cohort with an instructor and imports a CSV with one bad row: the bad row is named, the others are saved", async ({
  browser,
}) => {
  test.setTimeout(5 * 60_000);
  const tag = Math.random().toString(36).slice(2, 7);
  const admin = await (await browser.newContext({ storageState: storage.admin })).newPage();
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "New cohort" }).click();
  await expectAccessible(admin);
  await admin.getByLabel("Cohort name").fill(`Admin Cohort ${tag}`);
  // no instructor: the message is next to the list
  await admin.getByRole("button", { name: "Create cohort" }).click();
  await expect(admin.getByText("Choose at least one active instructor.")).toBeVisible();
  await admin.getByRole("checkbox", { name: /Dana Rivera/ }).check();
  await admin.getByRole("button", { name: "Create cohort" }).click();
  await expect(admin).toHaveURL(/\/admin\/cohorts\/[0-9a-f-]{36}$/);

  await admin.getByRole("link", { name: "Enroll learners" }).click();
  await expect(admin.getByRole("link", { name: "Download a template" })).toHaveAttribute("href", "/roster-template.csv");
  const file = path.join(os.tmpdir(), `roster-${tag}.csv`);
  fs.writeFileSync(
    file,
    `name,email\nIvy ${tag},ivy.${tag}@example.org\nNo Email ${tag},not-an-email\nJon ${tag},jon.${tag}@example.org\n`,
  );
  await admin.getByLabel(/Roster file/).setInputFiles(file);
  await admin.getByRole("button", { name: "Check file" }).click();
  await expect(admin.getByTestId("roster-counts")).toContainText("2 new accounts");
  await expect(admin.getByTestId("roster-counts")).toContainText("1 row with errors");
  await expect(admin.getByRole("row").filter({ hasText: "not-an-email" })).toContainText("Error");
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(admin.getByTestId("roster-result")).toContainText("2 accounts created");

  await admin.goto(admin.url().replace(/\/enrol.*$/, ""));
  await expect(admin.getByRole("link", { name: `Ivy ${tag}` })).toBeVisible();
  await expect(admin.getByRole("link", { name: `Jon ${tag}` })).toBeVisible();
});

test("an admin corrects a person's name and email; the person is told and signs in with the new address", async ({ browser }) => {
  test.setTimeout(5 * 60_000);
  const sql = requireE2eSql();
  const person = await createAccount("learner", "Kim Misspelt");
  const taken = await createAccount("learner", "Taken Address");
  const admin = await (await browser.newContext({ storageState: storage.admin })).newPage();
  await admin.goto(`/admin/users/${person.id}`);
  const details = admin.locator("form").filter({ has: admin.getByRole("button", { name: "Save name and email" }) });

  // an email another account has: refused next to the field, nothing changes
  await details.getByLabel("Email (they sign in with it)").fill(taken.email);
  await details.getByRole("button", { name: "Save name and email" }).click();
  await expect(admin.getByText("Another account already uses this email.")).toBeVisible();

  const newEmail = person.email.replace("@", ".new@");
  await details.getByLabel("Name", { exact: true }).fill("Kim Spelled");
  await details.getByLabel("Email (they sign in with it)").fill(newEmail);
  await details.getByRole("button", { name: "Save name and email" }).click();
  await expect(admin.getByText(/Saved\. They now sign in with the new email/)).toBeVisible();
  await expect(admin.getByRole("heading", { level: 1, name: "Kim Spelled" })).toBeVisible();
  await expectAccessible(admin);

  // the old address no longer signs in; the new one does, and the bell has the notice
  const me = await (await browser.newContext()).newPage();
  await signIn(me, person.email, person.password);
  await expect(me).toHaveURL(/\/signin/);
  await signIn(me, newEmail, person.password);
  await expect(me).toHaveURL(/\/learn$/);
  await expect(async () => {
    await me.goto("/notifications");
    await expect(me.getByText("Your sign-in email was changed")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
  // and both addresses were emailed (the delivery log)
  const sent = await sql<{ to_address: string }[]>`
    select to_address from outbox_messages where recipient_id = ${person.id} and kind = 'account_changed' and status = 'sent'`;
  expect(sent.map((r) => r.to_address).sort()).toEqual([newEmail, person.email].sort());
  // the account page points to real people to ask
  await me.goto("/account");
  await expect(me.getByRole("list", { name: "Program coordinators" })).toContainText("admin@demo.cohort");
});

test("a learner who completed the module in one cohort sees it complete in the other, by prior completion", async ({ browser }) => {
  test.setTimeout(5 * 60_000);
  // the demo's Emily Chen completed it in Northside and is also in Evening
  const me = await (await browser.newContext()).newPage();
  await signIn(me, "emily.chen@demo.cohort");
  await expect(me).toHaveURL(/\/learn$/);
  const evening = me.getByTestId("assignment").filter({ hasText: EVENING });
  await expect(evening.getByTestId("prior-completion")).toContainText(`Completed in ${NORTHSIDE} on`);
  await expect(evening.getByRole("link", { name: "View your certificate" })).toBeVisible();
  const certificateHref = await evening.getByRole("link", { name: "View your certificate" }).getAttribute("href");
  const northside = me.getByTestId("assignment").filter({ hasText: NORTHSIDE, hasNot: me.getByTestId("prior-completion") });
  await expect(northside.getByRole("link", { name: "View your certificate" })).toHaveAttribute("href", certificateHref!);
  await expectAccessible(me);

  // the instructor of Evening sees her complete, by prior completion
  const instructor = await (await browser.newContext({ storageState: storage.instructor })).newPage();
  await instructor.goto("/instructor");
  await instructor.getByRole("link", { name: EVENING }).first().click();
  await expect(instructor).toHaveURL(/\/instructor\/cohorts\/[0-9a-f-]{36}$/);
  await instructor.goto(`${instructor.url()}?q=emily`);
  const row = instructor.getByTestId("learner-row-emily.chen@demo.cohort");
  await expect(row).toContainText("By prior completion");
  // her work was done in Northside: this cohort's empty counters are not shown as zeros beside "Complete"
  await expect(row.getByTestId("learner-progress-credited")).toHaveText("Done in another cohort");
  await expect(row.getByTestId("learner-progress")).toHaveCount(0);
  await expect(row).not.toContainText("0/3");
});
