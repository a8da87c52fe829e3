import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "cohort-demo-2026";
export const demo = {
  admin: "admin@demo.cohort",
  instructor: "rivera@demo.cohort",
  instructor2: "okafor@demo.cohort",
  learner: "jordan.lee@demo.cohort",
};

export const storage = {
  admin: "e2e/.auth/admin.json",
  instructor: "e2e/.auth/instructor.json",
  learner: "e2e/.auth/learner.json",
};

/** Sign in through the form, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** No automated accessibility violations (WCAG 2.1 A/AA rules) on the page as it stands. */
export async function expectAccessible(page: Page) {
  // Next.js streams metadata into dynamic pages: wait for the <title> before judging the page
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")})`,
  );
  expect(summary, "accessibility violations").toEqual([]);
}
