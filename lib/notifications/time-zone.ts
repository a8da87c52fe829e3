import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { orgSettings, users } from "@/db/schema";
import { DEFAULT_TIME_ZONE } from "./outbox";
import { invalid } from "@/lib/platform/errors";

/** IANA zones this runtime knows, for the /account select (US zones first, the people Cohort serves). */
export function timeZoneChoices(): string[] {
  const all = Intl.supportedValuesOf("timeZone");
  const us = all.filter((z) => z.startsWith("America/") || z.startsWith("Pacific/Honolulu") || z.startsWith("US/"));
  return [...us, ...all.filter((z) => !us.includes(z))];
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone);
  } catch {
    return false;
  }
}

/**
 * The zone a person's reminders go out in (9 a.m. theirs) and their due dates
 * show in. Empty means "the organization's". Only the person sets their own.
 */
export async function setOwnTimeZone({ user, timeZone }: { user: { id: string }; timeZone: string }, db: DbOrTx = getDb()) {
  const zone = timeZone.trim();
  if (zone && !isTimeZone(zone)) {
    const message = "Choose a time zone from the list.";
    throw invalid(message, { timeZone: message });
  }
  await db
    .update(users)
    .set({ timeZone: zone || null })
    .where(eq(users.id, user.id));
  return { timeZone: zone || null };
}

/** What the person chose (null: the organization's). */
export async function ownTimeZoneChoice({ userId }: { userId: string }, db: DbOrTx = getDb()): Promise<string | null> {
  const [row] = await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.timeZone ?? null;
}

/** The organization's zone: everyone's unless they chose their own. */
export async function organizationTimeZone(db: DbOrTx = getDb()): Promise<string> {
  const [row] = await db.select({ timeZone: orgSettings.timeZone }).from(orgSettings).where(eq(orgSettings.id, 1)).limit(1);
  return row?.timeZone ?? DEFAULT_TIME_ZONE;
}
