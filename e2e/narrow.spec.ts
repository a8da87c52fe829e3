/**
 * Every page on a phone (issue 15, defect 4): each route of e2e/routes.ts of
 * kind "page", opened at 375 × 812 by every identity allowed to see it, must
 * not be wider than the screen (document.documentElement.scrollWidth ≤ 375).
 * Tables scroll inside their own region (the Table primitive), the main
 * navigation scrolls inside its own row; the page itself never scrolls
 * sideways. One test per identity lists every offending route with its
 * width and the widest elements, so a new page that breaks it says where.
 */
import { expect, test, type Browser } from "@playwright/test";
import { fill } from "./fixtures";
import { expectAccessible, storage } from "./helpers";
import { routes, type Identity, type Route } from "./routes";

const phone = { width: 375, height: 812 };

/** Who opens a page: its own role; pages for several roles are opened by each of them. */
function identitiesFor(route: Route): Identity[] {
  switch (route.audience) {
    case "anyone":
      return ["anonymous"];
    case "signed-in":
      return ["learner", "instructor", "admin"];
    case "staff":
      return ["instructor", "admin"];
    default:
      return [route.audience];
  }
}

const pages = routes.filter((r) => r.kind === "page");

async function phoneContext(browser: Browser, who: Identity) {
  return browser.newContext({
    viewport: phone,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    storageState: who === "anonymous" ? undefined : storage[who],
  });
}

/** Loads `path` and answers how wide the page is, and the outermost elements that stick out past the screen's right edge. */
async function measure(page: import("@playwright/test").Page, path: string) {
  const res = await page.goto(path);
  const status = res?.status() ?? 0;
  // React hydrates, then charts and client components take their size
  await expect
    .poll(() => page.evaluate(() => Object.keys(document.querySelector("main") ?? {}).some((k) => k.startsWith("__react"))), {
      message: `${path} hydrated`,
    })
    .toBe(true);
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => r(null)))));
  return {
    status,
    ...(await page.evaluate(() => {
      const vw = document.documentElement.clientWidth;
      const clips = (el: Element) => ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(el).overflowX);
      const describe = (el: Element) =>
        el.tagName.toLowerCase() +
        (el.id ? `#${el.id}` : "") +
        (el.getAttribute("data-testid") ? `[data-testid=${el.getAttribute("data-testid")}]` : "") +
        (typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 4).join(".")}` : "");
      const culprits: string[] = [];
      for (const el of Array.from(document.body.querySelectorAll("*"))) {
        const right = el.getBoundingClientRect().right;
        if (right <= vw + 1) continue;
        // inside a region that scrolls or clips: that region is what counts
        let a = el.parentElement;
        let inside = false;
        while (a && a !== document.body) {
          if (clips(a)) {
            inside = true;
            break;
          }
          a = a.parentElement;
        }
        if (inside) continue;
        // only the outermost element that sticks out
        if (el.parentElement && el.parentElement !== document.body && el.parentElement.getBoundingClientRect().right > vw + 1) continue;
        culprits.push(`${describe(el)} (right edge ${Math.round(right)} px)`);
        if (culprits.length >= 3) break;
      }
      return { scrollWidth: document.documentElement.scrollWidth, viewport: vw, culprits };
    })),
  };
}

test.describe(`every page at ${phone.width} × ${phone.height}`, () => {
  for (const who of ["anonymous", "learner", "instructor", "admin"] as const) {
    const mine = pages.filter((r) => identitiesFor(r).includes(who));
    test(`no page is wider than the screen, as ${who} (${mine.length} pages)`, async ({ browser }) => {
      test.setTimeout(60_000 + mine.length * 30_000);
      const context = await phoneContext(browser, who);
      const page = await context.newPage();
      const offenders: string[] = [];
      for (const route of mine) {
        const path = await fill(route.path);
        const m = await measure(page, path);
        if (m.status >= 400) offenders.push(`${route.path} as ${who} (${path}): answered ${m.status}, expected the page`);
        else if (m.scrollWidth > phone.width)
          offenders.push(
            `${route.path} as ${who} (${path}): ${m.scrollWidth} px wide at a ${phone.width} px viewport; sticking out: ${m.culprits.join(", ") || "?"}`,
          );
      }
      await context.close();
      expect(offenders, `pages wider than ${phone.width} px as ${who}:\n${offenders.join("\n")}`).toEqual([]);
    });
  }

  // axe on a few of the busiest pages as a phone shows them (the navigation row, the table regions, the user menu)
  for (const [who, path] of [
    ["learner", "/learn"],
    ["instructor", "/instructor/cohorts/{cohortId}"],
    ["admin", "/admin"],
  ] as const) {
    test(`${path} as ${who} at ${phone.width} px: no accessibility violations, user menu by keyboard`, async ({ browser }) => {
      const context = await phoneContext(browser, who);
      const page = await context.newPage();
      await measure(page, await fill(path));
      await expectAccessible(page);
      // the user menu opens from the keyboard, lists Account and Sign out, and closes with Escape
      const trigger = page.getByTestId("signed-in-as");
      await trigger.focus();
      await page.keyboard.press("Enter");
      await expect(page.getByRole("menuitem", { name: "Account" })).toBeVisible();
      await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
      const menuBox = await page.getByRole("menu").boundingBox();
      expect(menuBox && menuBox.x + menuBox.width, "the open menu fits the screen").toBeLessThanOrEqual(phone.width);
      await expectAccessible(page);
      await page.keyboard.press("Escape");
      await expect(page.getByRole("menu")).toHaveCount(0);
      await expect(trigger).toBeFocused();
      await context.close();
    });
  }
});

test("the shell: one width on every page, the current nav item marked, the favicon answered", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, storageState: storage.admin });
  const page = await context.newPage();
  const logoX: number[] = [];
  for (const [path, current] of [
    ["/admin", "Overview"],
    ["/admin/users", "People"],
    ["/admin/settings", "Settings"],
    ["/account", null],
  ] as const) {
    await page.goto(path);
    const logo = page.getByRole("banner").getByRole("link", { name: "Cohort", exact: true });
    logoX.push((await logo.boundingBox())!.x);
    const marked = page.getByRole("navigation", { name: "Main" }).locator('[aria-current="page"]');
    if (current) await expect(marked).toHaveText(current);
    else await expect(marked).toHaveCount(0);
  }
  expect(new Set(logoX).size, `the logo stays put: ${logoX.join(", ")}`).toBe(1);
  const icon = await page.request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  const linked = await page.locator('head link[rel="icon"]').getAttribute("href");
  expect((await page.request.get(linked!)).status()).toBe(200);
  await context.close();
});
