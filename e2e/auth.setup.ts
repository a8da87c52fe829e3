import { expect, test as setup } from "@playwright/test";
import { demo, signIn, storage } from "./helpers";

// One signed-in browser state per role, reused by journeys that only read.
// Journeys that sign out or change accounts sign in on their own.
for (const role of ["admin", "instructor", "learner"] as const) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, demo[role]);
    await expect(page).toHaveURL(new RegExp(`/${role === "learner" ? "learn" : role}$`));
    await page.context().storageState({ path: storage[role] });
  });
}
