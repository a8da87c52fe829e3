import { expect, test } from "@playwright/test";
import { demo, expectAccessible, signIn } from "./helpers";

test.describe("signing in", () => {
  for (const [role, email, area, heading] of [
    ["admin", demo.admin, "/admin", "Organization overview"],
    ["instructor", demo.instructor, "/instructor", "My cohorts"],
    ["learner", demo.learner, "/learn", "My training"],
  ] as const) {
    test(`${role} lands in their own area`, async ({ page }) => {
      await signIn(page, email);
      await expect(page).toHaveURL(new RegExp(`${area}$`));
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(page.getByTestId("signed-in-as")).toContainText(role);
    });
  }

  test("a wrong password shows the message and stays on the sign-in page", async ({ page }) => {
    await signIn(page, demo.instructor2, "not-the-password");
    await expect(page.getByText("That email and password do not match an active account.")).toBeVisible();
    await expect(page).toHaveURL(/\/signin/);
  });

  test("the sign-in page lists the demo accounts and is accessible", async ({ page }) => {
    await page.goto("/signin");
    await expect(page.getByRole("heading", { name: "Demo accounts" })).toBeVisible();
    await expect(page.getByText(demo.admin)).toBeVisible();
    await expectAccessible(page);
  });

  test("a signed-out visitor is sent to sign in, then back where they were going", async ({ page }) => {
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin%2Fusers/);
    await page.getByLabel("Email").fill(demo.admin);
    await page.getByLabel("Password").fill("cohort-demo-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
  });
});
