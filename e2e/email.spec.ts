/**
 * Email as people meet it: the admin previews a template (learners and
 * instructors get 404); a learner's real email (delivered by the app's
 * worker to the in-app mailbox) carries an unsubscribe link whose page turns
 * that kind off only when its button is pressed; a mail provider's RFC 8058
 * one-click POST, cross-site and without a session, turns another kind off;
 * the learner's email choices show both, and a revision request stays on.
 */
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { unsubscribeToken } from "../lib/notifications/unsubscribe";
import { enrolledLearner, requireE2eSql } from "./fixtures";
import { signIn, storage } from "./helpers";

test("the admin previews each template; learners and instructors get 404", async ({ browser }) => {
  const admin = await browser.newContext({ storageState: storage.admin });
  const page = await admin.newPage();
  await page.goto("/admin/messages");
  await page.getByRole("link", { name: "See every email template" }).click();
  await expect(page).toHaveURL(/\/admin\/messages\/templates$/);
  await expect(page.getByRole("heading", { level: 1, name: "Email templates" })).toBeVisible();
  await page.getByRole("link", { name: "Your instructor asked for a revision" }).click();
  await expect(page).toHaveURL(/\/admin\/messages\/templates\/revision_requested$/);
  await expect(page.getByTestId("template-subject")).toHaveText("Your instructor asked for a revision");
  await expect(page.getByTestId("template-text")).toContainText("Their feedback:");
  await expect(page.getByTestId("template-text")).toContainText("always sent");
  const frame = page.frameLocator('iframe[title="The email as HTML"]');
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Your instructor asked for a revision");
  await expect(frame.getByRole("link", { name: "Revise your reflection" })).toBeVisible();
  await admin.close();

  for (const role of ["learner", "instructor"] as const) {
    const ctx = await browser.newContext({ storageState: storage[role] });
    for (const path of ["/admin/messages/templates", "/admin/messages/templates/assigned"]) {
      const res = await ctx.request.get(path, { maxRedirects: 0 });
      expect(res.status(), `${role} ${path}`).toBe(404);
    }
    await ctx.close();
  }
});

test("a learner unsubscribes by the email's link and a provider by one-click; the choices show it", async ({ browser }) => {
  test.setTimeout(5 * 60_000);
  const sql = requireE2eSql();
  const learner = await enrolledLearner("Unsubscribe Tester");

  // a real email: the app's worker delivers it to the in-app mailbox, rendered by the templates
  await sql`insert into outbox_messages (key, recipient_id, kind, subject_id, send_after)
    values (${`e2e:assigned:${learner.id}`}, ${learner.id}, 'assigned', ${learner.progressId}, now() - interval '1 minute')`;
  let text = "";
  await expect
    .poll(
      async () => {
        const [m] = await sql<{ status: string; text_body: string | null }[]>`
          select status::text, text_body from outbox_messages where key = ${`e2e:assigned:${learner.id}`}`;
        text = m?.text_body ?? "";
        return m?.status;
      },
      { timeout: 90_000 },
    )
    .toBe("sent");
  const link = text.match(/https?:\/\/[^\s]+\/unsubscribe\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/)?.[0];
  expect(link, text).toBeTruthy();

  // the footer link: GET shows a button and changes nothing; pressing it turns "A new assignment" off
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  await page.goto(new URL(link!).pathname);
  await expect(page.getByText("A new assignment")).toBeVisible();
  const prefs = () =>
    sql<{ kind: string; email: boolean }[]>`select kind, email from notification_preferences where user_id = ${learner.id} order by kind`;
  expect(await prefs()).toEqual([]);
  await page.getByRole("button", { name: "Stop these emails" }).click();
  await expect(page.getByRole("status")).toContainText("You will no longer get emails for: A new assignment");
  expect(await prefs()).toEqual([{ kind: "assigned", email: false }]);
  await visitor.close();

  // a mail provider's one-click POST: from its own server (another Origin), no session
  const provider = await playwrightRequest.newContext({ baseURL });
  const oneClick = `/unsubscribe/${unsubscribeToken(process.env.E2E_NEXTAUTH_SECRET!, learner.id, "overdue")}/one-click`;
  for (let i = 0; i < 2; i++) {
    const res = await provider.post(oneClick, {
      headers: { origin: "https://mail.provider.example" },
      form: { "List-Unsubscribe": "One-Click" },
    });
    expect(res.status()).toBe(200);
  }
  // a signed token for a kind that is always sent changes nothing
  const always = `/unsubscribe/${unsubscribeToken(process.env.E2E_NEXTAUTH_SECRET!, learner.id, "revision_requested")}/one-click`;
  expect(
    (
      await provider.post(always, { headers: { origin: "https://mail.provider.example" }, form: { "List-Unsubscribe": "One-Click" } })
    ).status(),
  ).toBe(400);
  await provider.dispose();
  expect(await prefs()).toEqual([
    { kind: "assigned", email: false },
    { kind: "overdue", email: false },
  ]);

  // the learner's email choices reflect both, and the always-sent ones stay on
  const me = await browser.newContext();
  const home = await me.newPage();
  await signIn(home, learner.email, learner.password);
  await home.waitForURL(/\/learn/);
  await home.goto("/notifications/preferences");
  await expect(home.getByRole("checkbox", { name: "A new assignment" })).not.toBeChecked();
  await expect(home.getByRole("checkbox", { name: /^Overdue/ })).not.toBeChecked();
  await expect(home.getByRole("checkbox", { name: "Due in 3 days and not complete" })).toBeChecked();
  await expect(home.getByRole("checkbox", { name: /Your instructor asked for a revision/ })).toBeChecked();
  await expect(home.getByRole("checkbox", { name: /Your instructor asked for a revision/ })).toBeDisabled();
  await me.close();
});
