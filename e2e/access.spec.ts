import { expect, test } from "@playwright/test";
import { signIn, storage } from "./helpers";

test.describe("areas belong to their role", () => {
  test.use({ storageState: storage.learner });

  for (const path of ["/admin", "/admin/users", "/instructor"]) {
    test(`a learner opening ${path} gets 404`, async ({ page }) => {
      const res = await page.goto(path);
      expect(res?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      await expect(page.getByText("Alex Morgan")).toHaveCount(0);
    });
  }
});

test("after sign-out, a protected page sends you to sign in and the old cookie is dead", async ({ page, context }) => {
  await signIn(page, "maria.santos@demo.cohort");
  await expect(page).toHaveURL(/\/learn$/);
  const before = await context.cookies();
  // the button works once the page is hydrated; under load that lags behind the URL
  await page.waitForLoadState("networkidle");
  // sign-out is in the user menu (the button with the person's name)
  await page.getByTestId("signed-in-as").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/learn");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Flearn/);
  // replaying the cookie from before sign-out does not bring the session back
  await context.addCookies(before);
  await page.goto("/learn");
  await expect(page).toHaveURL(/\/signin/);
});

test("a deactivated user's open session stops working at the next request", async ({ browser }) => {
  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await signIn(learner, "tyrone.jackson@demo.cohort");
  await expect(learner).toHaveURL(/\/learn$/);

  const adminContext = await browser.newContext({ storageState: storage.admin });
  const admin = await adminContext.newPage();
  await admin.goto("/admin/users?q=tyrone");
  const row = admin.getByTestId("user-row-tyrone.jackson@demo.cohort");
  await row.getByRole("button", { name: "Deactivate Tyrone Jackson" }).click();
  // a row's Deactivate asks first, naming who and what happens
  const dialog = admin.getByRole("alertdialog", { name: "Deactivate Tyrone Jackson?" });
  await expect(dialog).toContainText("They are signed out and can no longer sign in.");
  await dialog.getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("deactivated");

  await learner.reload();
  await expect(learner).toHaveURL(/\/signin/);
  await signIn(learner, "tyrone.jackson@demo.cohort");
  await expect(learner.getByText("That email and password do not match an active account.")).toBeVisible();
  await learnerContext.close();
  await adminContext.close();
});
