/**
 * A person's own time zone: reminders go at 9 a.m. there and due dates show
 * on that calendar (issue 14). Empty falls back to the organization's zone.
 */
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeUser } from "@/db/test/factories";
import { setupTestDb } from "@/db/test/test-db";
import { DEFAULT_TIME_ZONE, timeZoneOf } from "./outbox";
import { isTimeZone, ownTimeZoneChoice, setOwnTimeZone, timeZoneChoices } from "./time-zone";

setupTestDb();

describe("a person's own time zone", () => {
  it("is stored, used for their reminders, and cleared back to the organization's", async () => {
    const me = await makeUser({ role: "learner" });
    const orgZone = await timeZoneOf(getDb(), me.id);
    expect(orgZone).toBe(DEFAULT_TIME_ZONE);
    await setOwnTimeZone({ user: me, timeZone: "Pacific/Honolulu" });
    expect(await timeZoneOf(getDb(), me.id)).toBe("Pacific/Honolulu");
    expect(await ownTimeZoneChoice({ userId: me.id })).toBe("Pacific/Honolulu");
    await setOwnTimeZone({ user: me, timeZone: "" });
    expect(await ownTimeZoneChoice({ userId: me.id })).toBeNull();
    expect(await timeZoneOf(getDb(), me.id)).toBe(orgZone);
  });

  it("refuses a zone that does not exist, naming the field, and keeps the saved one", async () => {
    const me = await makeUser({ role: "learner" });
    await setOwnTimeZone({ user: me, timeZone: "America/New_York" });
    for (const bad of ["Mars/Olympus", "EST5EDT; drop table users", "../../etc"]) {
      await expect(setOwnTimeZone({ user: me, timeZone: bad })).rejects.toMatchObject({
        code: "invalid",
        fieldErrors: { timeZone: expect.any(String) },
      });
    }
    expect(await ownTimeZoneChoice({ userId: me.id })).toBe("America/New_York");
  });

  it("offers US zones first, and only zones it accepts", () => {
    const choices = timeZoneChoices();
    expect(choices[0].startsWith("America/")).toBe(true);
    expect(choices).toContain("Pacific/Honolulu");
    expect(choices.every(isTimeZone)).toBe(true);
  });
});
