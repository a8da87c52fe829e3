import { expect, test, type APIRequestContext } from "@playwright/test";
import { PRIVATE_SENTENCE } from "../db/test/admin-fixture-text";
import { DEMO_REFLECTION_SENTENCE } from "../db/seed/demo/reflection-texts";
import { expectAccessible, storage } from "./helpers";

const pages = ["/admin", "/admin/users", "/admin/users/invites", "/admin/audit", "/admin/item-analysis"];
let someUserPath = "";

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ storageState: storage.admin });
  const page = await context.newPage();
  await page.goto("/admin/users?q=Ada+Alpha");
  someUserPath = (await page.getByRole("link", { name: "Ada Alpha" }).getAttribute("href"))!;
  await context.close();
});

for (const role of ["learner", "instructor"] as const) {
  test.describe(`a signed-in ${role}`, () => {
    test.use({ storageState: storage[role] });

    test("gets 404 on every admin page and on the export, with nothing of the admin's data", async ({ page }) => {
      for (const path of [...pages, someUserPath, `${someUserPath}?x=1`, "/admin?status=overdue"]) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBe(404);
        await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
        await expect(page.getByText("Ada Alpha")).toHaveCount(0);
      }
      const csv = await page.request.get("/admin/export.csv");
      expect(csv.status()).toBe(404);
      expect(await csv.text()).not.toContain("Ada Alpha");
      const items = await page.request.get("/admin/item-analysis/export.csv");
      expect(items.status()).toBe(404);
      expect(await items.text()).not.toContain("why-trust-matters");
      // RSC and prefetch variants answer no data either
      const rsc = await page.request.get("/admin/users", { headers: { RSC: "1", "Next-Router-Prefetch": "1" } });
      expect(await rsc.text()).not.toContain("Ada Alpha");
    });
  });
}

test("an anonymous visitor gets no admin data, whatever headers they send", async ({ request }) => {
  for (const path of [...pages, "/admin/export.csv"]) {
    for (const headers of [
      {},
      { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
      { RSC: "1" },
    ] as Record<string, string>[]) {
      const res = await request.get(path, { headers, maxRedirects: 0 });
      expect([302, 303, 307, 308, 404], `${path} ${JSON.stringify(headers)}`).toContain(res.status());
      expect(await res.text()).not.toContain("Ada Alpha");
    }
  }
});

test.describe("as an admin", () => {
  // every admin page in turn: a ceiling for a busy machine, never a budget
  test.describe.configure({ timeout: 600_000 });
  test.use({ storageState: storage.admin });

  test("every admin page passes the accessibility check", async ({ page }) => {
    for (const path of [
      ...pages,
      someUserPath,
      "/admin?status=overdue&sort=complete&dir=desc",
      "/admin?from=2030-01-01",
      "/admin/audit?action=auth.sign_in",
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page);
    }
    // the chart's data table, opened
    await page.goto("/admin");
    await page.getByText("Show the numbers as a table").click();
    await expect(page.getByRole("table", { name: "Completions per week" })).toBeVisible();
    await expectAccessible(page);
  });

  test("no admin page or export ever shows reflection text", async ({ page }) => {
    const sentences = [PRIVATE_SENTENCE, DEMO_REFLECTION_SENTENCE];
    const visit = async (path: string) => {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      return page.content();
    };
    const bodies: string[] = [];
    for (const path of [...pages, someUserPath, "/admin?status=complete", "/admin/audit?action=auth.sign_in"])
      bodies.push(await visit(path));
    // every fixture learner's account page
    await page.goto("/admin/users?q=fixture.cohort");
    const hrefs = await page
      .locator('a[href^="/admin/users/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")!).filter((h) => /[0-9a-f-]{36}$/.test(h)));
    expect(hrefs.length).toBeGreaterThan(5);
    for (const href of hrefs) bodies.push(await visit(href));
    // every cohort's drill-down (the demo cohorts hold the demo reflections), with its insights and export
    await page.goto("/admin");
    const cohortHrefs = await page
      .locator('a[href^="/admin/cohorts/"]')
      .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute("href")!))])
      // a cohort's page, not "New cohort" (/admin/cohorts/new)
      .then((hrefs) => hrefs.filter((h) => /^\/admin\/cohorts\/[0-9a-f-]{36}$/.test(h)));
    expect(cohortHrefs.length).toBeGreaterThan(3);
    for (const href of cohortHrefs) {
      bodies.push(await visit(href), await visit(`${href}/insights`));
      bodies.push(await (await page.request.get(`${href}/export.csv`)).text());
    }
    bodies.push(await csv(page.request));
    for (const sentence of sentences) for (const body of bodies) expect(body).not.toContain(sentence);
    expect(bodies.at(-1)).toContain("Ada Alpha"); // the export did have rows
  });

  test("item analysis lists the bank with its figures, opens an item's options, and downloads as CSV", async ({ page }) => {
    await page.goto("/admin");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Item analysis" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Item analysis" })).toBeVisible();
    const row = page.getByTestId("item-why-trust-matters").first();
    await expect(row).toContainText("Why are trust and rapport");
    await expect(row.getByTestId("difficulty")).toHaveText(/^(\d+\.\d%|—)$/);
    await expect(row.getByTestId("discrimination")).toHaveText(/^(−?\d\.\d\d|—)$/);
    await row.locator("summary").click();
    await expect(row.getByTestId("option-open-up")).toContainText("Correct");
    await expect(row.getByTestId("option-follow-advice")).not.toContainText("Correct");
    const res = await page.request.get("/admin/item-analysis/export.csv");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/csv");
    expect(res.headers()["content-disposition"]).toMatch(/attachment; filename="item-analysis-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = await res.text();
    expect(text.split("\n")[0]).toMatch(/^Module,Module version,Item ID,Item,Idea,Kind,Responses,/);
    expect(text).toContain("why-trust-matters,");
  });

  test("the export refuses filters it does not understand and is never cached", async ({ page }) => {
    const bad = await page.request.get(`/admin/export.csv?sort=${encodeURIComponent('name"; drop table users;--')}`);
    expect(bad.status()).toBe(400);
    const ok = await page.request.get("/admin/export.csv?status=overdue");
    expect(ok.status()).toBe(200);
    expect(ok.headers()["cache-control"]).toBe("no-store");
    expect(ok.headers()["content-disposition"]).toMatch(/attachment; filename="cohort-completion-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(ok.headers()["content-type"]).toContain("text/csv");
    // the users table is still there
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "People", exact: true })).toBeVisible();
  });
});

async function csv(request: APIRequestContext) {
  const res = await request.get("/admin/export.csv");
  expect(res.status()).toBe(200);
  return res.text();
}
