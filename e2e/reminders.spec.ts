/**
 * Reminders as people meet them: an instructor ticks three learners and
 * sends a reminder now (a second send is skipped, row by row), the admin's
 * mailbox lists the three messages, one learner sees the bell's count, opens
 * the notification and lands on the assignment, and the assignment's "Add to
 * calendar" file parses back as iCalendar.
 */
import ICAL from "ical.js";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { enrolledLearner, requireE2eSql } from "./fixtures";
import { signIn, storage } from "./helpers";

test("an instructor reminds three learners; the mailbox shows them; a learner opens it from the bell and adds the due date to a calendar", async ({
  browser,
}) => {
  test.setTimeout(10 * 60_000);
  const sql = requireE2eSql();
  const tag = Math.random().toString(36).slice(2, 7);
  const learners: Awaited<ReturnType<typeof enrolledLearner>>[] = [];
  for (const n of ["A", "B", "C"]) learners.push(await enrolledLearner(`Reminder ${tag} ${n}`));
  const [cohort] = await sql<{ id: string }[]>`select cohort_id as id from assignment_progress where id = ${learners[0].progressId}`;

  // the instructor: tick the three, preview, send; a second send skips them and says why
  const instructor = await browser.newContext({ storageState: storage.instructor });
  const page = await instructor.newPage();
  await page.goto(`/instructor/cohorts/${cohort.id}?q=${encodeURIComponent(`Reminder ${tag}`)}`);
  await page.getByText("Preview of the reminder").click();
  await expect(page.getByTestId("reminder-preview")).toContainText("Dana Rivera sent you a reminder");
  for (const l of learners) await page.getByRole("checkbox", { name: `Select ${l.name}`, exact: true }).check();
  await page.getByRole("button", { name: "Send a reminder now" }).click();
  await expect(page.getByText("3 reminders sent.")).toBeVisible();
  await expect(page.getByTestId("bulk-outcome").filter({ hasText: "Sent" })).toHaveCount(3);
  for (const l of learners) await page.getByRole("checkbox", { name: `Select ${l.name}`, exact: true }).check();
  await page.getByRole("button", { name: "Send a reminder now" }).click();
  await expect(page.getByText("0 reminders sent, 3 skipped.")).toBeVisible();
  await expect(page.getByTestId("bulk-outcome").filter({ hasText: "already reminded in the last 24 hours" })).toHaveCount(3);
  await instructor.close();

  // the admin's mailbox lists each of them
  const admin = await browser.newContext({ storageState: storage.admin });
  const mailbox = await admin.newPage();
  await mailbox.goto("/admin/messages");
  for (const l of learners) await expect(mailbox.getByRole("row").filter({ hasText: l.email })).toHaveCount(1);
  await admin.close();

  // a reminder at night waits for 9 a.m. in the learner's zone: bring the first learner's forward so the worker delivers it now
  await sql`update outbox_messages set send_after = now() where recipient_id = ${learners[0].id} and kind = 'manual_reminder'`;
  const me = await browser.newContext();
  const home = await me.newPage();
  await signIn(home, learners[0].email, learners[0].password);
  await expect(home).toHaveURL(/\/learn$/);
  await expect(async () => {
    await home.reload();
    await expect(home.getByRole("link", { name: "Notifications, 1 unread" })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000 });
  await home.getByRole("link", { name: "Notifications, 1 unread" }).click();
  await expect(home).toHaveURL(/\/notifications$/);
  await home.getByRole("button", { name: /A reminder about/ }).click();
  await expect(home).toHaveURL(new RegExp(`/learn/${learners[0].progressId}$`));
  await expect(home.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();

  // "Add to calendar" downloads an .ics that parses back: one event on a date, with a UID and a stamp
  const downloading = home.waitForEvent("download");
  await home.getByRole("link", { name: "Add to calendar" }).click();
  const file = await (await downloading).path();
  const text = await readFile(file, "utf8");
  expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
  for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  const [event] = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent");
  expect(event.getFirstPropertyValue("uid")).toBe(`assignment-${learners[0].progressId}@cohort`);
  expect(event.getFirstProperty("dtstamp")).toBeTruthy();
  expect((event.getFirstPropertyValue("dtstart") as ICAL.Time).isDate).toBe(true);
  await me.close();
});
