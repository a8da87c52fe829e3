import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, storage } from "./helpers";

const fixtureInstructor = "Instructor One E2E";

test("an admin invites an instructor, deactivates a learner, filters the report and exports it", async ({ browser }) => {
  // a long journey: a ceiling for a busy machine, never a budget (each step waits on what it needs)
  test.setTimeout(600_000);
  const adminContext = await browser.newContext({ storageState: storage.admin, acceptDownloads: true });
  const admin = await adminContext.newPage();

  // invite an instructor: the link is shown once
  await admin.goto("/admin/users/invites");
  await expect(admin.getByRole("heading", { level: 1, name: "Invite an instructor or admin" })).toBeVisible();
  const email = `robin.${Date.now()}@example.org`;
  await admin.getByLabel("Name").fill("Robin Invited");
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Role").selectOption("instructor");
  await admin.getByRole("button", { name: "Send invite" }).click();
  await expect(admin.getByText(`Invite created for ${email}.`)).toBeVisible();
  const link = await admin.getByTestId("one-time-link").inputValue();
  expect(link).toMatch(/\/set-password\/[A-Za-z0-9_-]{40,}$/);
  await expect(admin.getByTestId(`invite-row-${email}`)).toBeVisible();
  await expectAccessible(admin);

  // the instructor accepts: opens the link, chooses a password, signs in
  const instructorContext = await browser.newContext();
  const instructor = await instructorContext.newPage();
  await instructor.goto(link);
  await expect(instructor.getByText("Welcome, Robin Invited.")).toBeVisible();
  await instructor.getByLabel("New password").fill("teaching peers every week");
  await instructor.getByLabel("Type it again").fill("teaching peers every week");
  await instructor.getByRole("button", { name: "Set password" }).click();
  await expect(instructor.getByText("Your password is set.")).toBeVisible();
  await signIn(instructor, email, "teaching peers every week");
  await expect(instructor).toHaveURL(/\/instructor$/);
  await expect(instructor.getByTestId("signed-in-as")).toContainText("Robin Invited");
  await admin.reload();
  await expect(admin.getByTestId(`invite-row-${email}`)).toHaveCount(0);

  // a learner is signed in; the admin deactivates them from their account page
  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await signIn(learner, "lena.novak@demo.cohort");
  await expect(learner).toHaveURL(/\/learn$/);
  await admin.goto("/admin/users?q=lena.novak");
  await admin.getByRole("link", { name: "Lena Novak" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Lena Novak" })).toBeVisible();
  await expect(admin.getByRole("link", { name: "Personal data" })).toHaveAttribute("href", /\/admin\/users\/[0-9a-f-]{36}\/data$/);
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "Deactivate Lena Novak" }).click();
  await expect(admin.getByText("Account deactivated. Their sessions have ended.")).toBeVisible();
  await expect(admin.getByTestId("account-status")).toHaveText("deactivated");
  await learner.reload();
  await expect(learner).toHaveURL(/\/signin/);

  // filter the report: the filters land in the address
  await admin.goto("/admin");
  await admin.getByLabel("Instructor").selectOption({ label: `${fixtureInstructor} (fixture.1.instructor@fixture.cohort)` });
  await admin.getByLabel("Due from").fill("2026-01-01");
  await admin.getByLabel("Due until").fill("2026-12-31");
  await admin.getByRole("button", { name: "Apply" }).click();
  await expect(admin).toHaveURL(/instructor=[0-9a-f-]{36}/);
  await expect(admin).toHaveURL(/from=2026-01-01&to=2026-12-31/);
  const table = admin.getByTestId("cohort-table");
  await expect(table.getByRole("link", { name: "Alpha E2E" })).toBeVisible();
  await expect(table.getByRole("link", { name: "Bravo E2E" })).toBeVisible();
  await expect(table.getByRole("link", { name: "Charlie E2E" })).toHaveCount(0);
  await expect(admin.getByTestId("tile-Assignments")).toHaveText("7");
  await expect(table.getByRole("link", { name: "Alpha E2E" })).toHaveAttribute("href", /\/admin\/cohorts\/[0-9a-f-]{36}$/);
  await expectAccessible(admin);
  // a shared link shows the same view
  const shared = await adminContext.newPage();
  await shared.goto(admin.url());
  await expect(shared.getByTestId("tile-Assignments")).toHaveText("7");
  await shared.close();

  // download the CSV of this view; progress is shown, then the file is saved
  const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("button", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^cohort-completion-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(admin.getByTestId("export-status")).toContainText("7 rows");
  const [header, ...rows] = parse(fs.readFileSync((await download.path())!, "utf8")) as string[][];
  expect(header.slice(0, 4)).toEqual(["Learner name", "Email", "Cohort", "Instructors"]);
  expect(rows).toHaveLength(7);
  expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(["Alpha E2E", "Bravo E2E"]));
  expect(rows.every((r) => r[3].includes(fixtureInstructor))).toBe(true);
  const ada = rows.find((r) => r[0] === "Ada Alpha")!;
  expect([ada[8], ada[9], ada[12], ada[13]]).toEqual(["Complete", "90", "2026-01-20T15:00:00Z", "1.5"]);
  expect(rows.find((r) => r[0].includes("HYPERLINK"))?.[0]).toBe(`'=HYPERLINK("http://x")`);

  // the audit log shows what happened
  await admin.goto("/admin/audit?action=export.org_csv");
  await expect(admin.getByTestId("audit-table")).toContainText("rows: 7");
  await admin.goto("/admin/audit?action=user.deactivate");
  await expect(admin.getByTestId("audit-table").getByRole("link", { name: "lena.novak@demo.cohort" })).toBeVisible();
  await expectAccessible(admin);

  await Promise.all([adminContext.close(), instructorContext.close(), learnerContext.close()]);
});
