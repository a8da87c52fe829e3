/**
 * Promise 7 (data rights): a learner downloads everything Cohort holds about
 * them; an admin erases a learner's personal data after a confirm step.
 * (What erasure deletes row by row: lib/privacy/erasure.test.ts.)
 */
import fs from "node:fs";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { apiSignIn, createAccount, requireE2eSql, secretStrings } from "./fixtures";
import { expectAccessible, signIn, storage } from "./helpers";

test("a learner downloads their data from /account as JSON", async ({ page }) => {
  await signIn(page, "ana.lima@demo.cohort");
  await expect(page).toHaveURL(/\/learn$/);
  await page.goto("/account");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my data" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^cohort-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const text = fs.readFileSync((await download.path())!, "utf8");
  const data = JSON.parse(text);
  expect(data.format).toBe("cohort.personal-data/1");
  expect(data.profile).toMatchObject({ email: "ana.lima@demo.cohort", name: "Ana Lima", role: "learner" });
  expect(data.sessions.length).toBeGreaterThan(0);
  expect(data.activity.map((e: { action: string }) => e.action)).toContain("auth.sign_in");
  expect(text).not.toContain("$argon2");
  for (const s of secretStrings().filter((x) => x !== "ana.lima@demo.cohort" && x !== "Ana Lima")) expect(text).not.toContain(s);
});

test("the export is not cached and needs a session", async () => {
  const api = await playwrightRequest.newContext({ baseURL });
  const anonymous = await api.get("/account/export.json", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(303);
  expect(anonymous.headers()["location"]).toMatch(/^\/signin\?callbackUrl=%2Faccount%2Fexport\.json/);
  await apiSignIn(api, "ray.thompson@demo.cohort");
  const res = await api.get("/account/export.json");
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toBe("no-store");
  expect(res.headers()["content-type"]).toContain("application/json");
  expect(((await res.json()) as { profile: { email: string } }).profile.email).toBe("ray.thompson@demo.cohort");
});

test("an admin erases a learner's personal data, after confirming, and it is audited", async ({ browser }) => {
  const learner = await createAccount("learner", "Robin Erasable");
  const learnerContext = await browser.newContext();
  const learnerPage = await learnerContext.newPage();
  await signIn(learnerPage, learner.email, learner.password);
  await expect(learnerPage).toHaveURL(/\/learn$/);

  const adminContext = await browser.newContext({ storageState: storage.admin });
  const admin = await adminContext.newPage();
  await admin.goto(`/admin/users/${learner.id}/data`);
  await expect(admin.getByRole("heading", { level: 1, name: "Erase personal data" })).toBeVisible();
  await expect(admin.getByText("This cannot be undone")).toBeVisible();
  await expectAccessible(admin);
  await admin.screenshot({ path: "test-results/erase-data-page.png", fullPage: true });

  // the confirm step: the email must be typed exactly
  await admin.getByLabel(/To confirm, type their email address/).fill("someone.else@example.org");
  await admin.getByRole("button", { name: "Erase personal data" }).click();
  await expect(admin.getByText(`Type ${learner.email} exactly to confirm.`)).toBeVisible();
  const sql = requireE2eSql();
  const [still] = await sql`select name, status from users where id = ${learner.id}`;
  expect(still).toMatchObject({ name: "Robin Erasable", status: "active" });

  await admin.getByLabel(/To confirm, type their email address/).fill(learner.email);
  await admin.getByRole("button", { name: "Erase personal data" }).click();
  await expect(admin.getByText("Personal data erased.")).toBeVisible();
  await expectAccessible(admin);

  const [row] = await sql`select name, email, status, password_hash from users where id = ${learner.id}`;
  expect(row).toMatchObject({
    name: "Erased learner",
    email: `erased:${learner.id}`, // not an email address, so no sign-up can take it first (SECURITY.md)
    status: "deactivated",
    password_hash: null,
  });
  const [entry] = await sql`select actor_email, details from audit_log where action = 'privacy.erase' and target_id = ${learner.id}`;
  expect(entry.actor_email).toBe("admin@demo.cohort");
  expect(entry.details).toMatchObject({ certificates: "revoke" });

  await learnerPage.reload();
  await expect(learnerPage).toHaveURL(/\/signin/);
  await signIn(learnerPage, learner.email, learner.password);
  await expect(learnerPage.getByText("That email and password do not match an active account.")).toBeVisible();

  // the page now says there is nothing left to erase
  await admin.goto(`/admin/users/${learner.id}/data`);
  await expect(admin.getByText("already been erased")).toBeVisible();
  await learnerContext.close();
  await adminContext.close();
});

test("staff accounts are not erased here; unknown ids are 404", async ({ browser }) => {
  const instructor = await createAccount("instructor", "Staff Member");
  const context = await browser.newContext({ storageState: storage.admin });
  const page = await context.newPage();
  await page.goto(`/admin/users/${instructor.id}/data`);
  await expect(page.getByText("Only learners' training data is erased here")).toBeVisible();
  await expect(page.getByRole("button", { name: "Erase personal data" })).toHaveCount(0);
  const missing = await page.goto("/admin/users/00000000-0000-4000-8000-000000000000/data");
  expect(missing?.status()).toBe(404);
  const malformed = await page.goto("/admin/users/not-an-id/data");
  expect(malformed?.status()).toBe(404);
  await context.close();
});
