import { eq } from "drizzle-orm";
import { z } from "zod";
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters, noControlCharacters } from "@/lib/platform/text";
import { getDb, type DbOrTx } from "@/db/client";
import { orgSettings } from "@/db/schema";
import { audit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/access/scope";
import type { CurrentUser } from "@/lib/accounts/sessions";

export type HourTarget = { category: string; hours: number };
export type OrgSettings = {
  organisationName: string;
  providerApprovalNumber: string | null;
  hourTargets: HourTarget[];
  /** printed under the certificate's signature line; none: no signature line */
  signerName: string | null;
  signerTitle: string | null;
};

/** What a fresh installation prints before an admin has saved the settings page. */
export const DEFAULT_SETTINGS: OrgSettings = {
  organisationName: "Cohort Training Program",
  providerApprovalNumber: null,
  hourTargets: [],
  signerName: null,
  signerTitle: null,
};

export const MAX_TARGETS = 20;

/** The single settings row (id 1) as it is now, or the defaults while none has been saved. */
export async function readOrgSettings(db: DbOrTx = getDb()): Promise<OrgSettings> {
  const [row] = await db.select().from(orgSettings).where(eq(orgSettings.id, 1)).limit(1);
  if (!row) return DEFAULT_SETTINGS;
  return {
    organisationName: row.organisationName,
    providerApprovalNumber: row.providerApprovalNumber,
    // jsonb does not keep key order: rebuild each target so comparisons and output are stable
    hourTargets: row.hourTargets.map((t) => ({ category: t.category, hours: Number(t.hours) })),
    signerName: row.signerName,
    signerTitle: row.signerTitle,
  };
}

/**
 * How long a process shows the settings it read: they change a few times a
 * year and every training record (page, CSV, PDF) prints them. Saving
 * clears this process's copy at once; other instances of the app (several
 * may run on one database) show a change within this time. A version check
 * against the row's updated_at would cost the same query as reading the row.
 */
export const SETTINGS_TTL_MS = 10_000;

// Per database handle, on globalThis: Next.js gives pages, actions and route handlers separate copies of this
// module, and a save in one must reach the others. A save (or forgetOrgSettings) starts a new generation.
type SettingsCache = { generation: number; copies: WeakMap<object, { value: OrgSettings; expires: number; generation: number }> };
const cacheKey = Symbol.for("cohort.orgSettings");
const shared = globalThis as typeof globalThis & { [cacheKey]?: SettingsCache };
const settingsCache = (shared[cacheKey] ??= { generation: 0, copies: new WeakMap() });

/**
 * The settings for display, read at most once per SETTINGS_TTL_MS per
 * process. Certificates are issued from readOrgSettings inside their
 * transaction, and the settings form shows readOrgSettings, never this copy.
 */
export async function getOrgSettings(now = Date.now()): Promise<OrgSettings> {
  const db = getDb();
  const hit = settingsCache.copies.get(db);
  if (hit && hit.generation === settingsCache.generation && hit.expires > now) return hit.value;
  const generation = settingsCache.generation;
  const value = await readOrgSettings(db);
  // a save that finished while this read was under way wins: do not keep what it replaced
  if (generation === settingsCache.generation) settingsCache.copies.set(db, { value, expires: now + SETTINGS_TTL_MS, generation });
  return value;
}

/** Drop this process's copy: for code that writes the row other than through updateOrgSettings (seeds, tests). */
export function forgetOrgSettings() {
  settingsCache.generation++;
}

const hoursText = /^\d{1,4}(\.\d{1,2})?$/;

/**
 * The settings form as FormData sends it: the two text fields plus rows
 * `targetCategory-<i>` / `targetHours-<i>`. Blank rows are ignored; a half
 * filled row gets its message next to the missing field.
 */
const organisationNameSchema = z
  .string()
  .refine(...noControlCharacters())
  .trim()
  .min(1, "Enter the organization's name, as certificates should print it.")
  .max(200, "Keep the name under 200 characters.");
const approvalNumberSchema = z
  .string()
  .refine(...noControlCharacters())
  .trim()
  .max(100, "Keep the approval number under 100 characters.");

const signerSchema = (what: string) =>
  z
    .string()
    .refine(...noControlCharacters())
    .trim()
    .max(120, `Keep the signer's ${what} under 120 characters.`);

/** Every field is checked in one pass, so all messages appear at once. */
export const settingsFormSchema = z.record(z.string(), z.string()).transform((v, ctx) => {
  const name = organisationNameSchema.safeParse(v.organisationName ?? "");
  if (!name.success) ctx.addIssue({ code: "custom", path: ["organisationName"], message: name.error.issues[0].message });
  const approval = approvalNumberSchema.safeParse(v.providerApprovalNumber ?? "");
  if (!approval.success) ctx.addIssue({ code: "custom", path: ["providerApprovalNumber"], message: approval.error.issues[0].message });
  const signerName = signerSchema("name").safeParse(v.signerName ?? "");
  if (!signerName.success) ctx.addIssue({ code: "custom", path: ["signerName"], message: signerName.error.issues[0].message });
  const signerTitle = signerSchema("title").safeParse(v.signerTitle ?? "");
  if (!signerTitle.success) ctx.addIssue({ code: "custom", path: ["signerTitle"], message: signerTitle.error.issues[0].message });
  if (signerName.success && signerTitle.success && !signerName.data && signerTitle.data) {
    ctx.addIssue({ code: "custom", path: ["signerName"], message: "Enter the name of the person who signs, or clear the title." });
  }
  const indexes = new Set<number>();
  for (const key of Object.keys(v)) {
    const m = /^target(?:Category|Hours)-(\d{1,3})$/.exec(key);
    if (m) indexes.add(Number(m[1]));
  }
  const hourTargets: HourTarget[] = [];
  const seen = new Map<string, number>();
  for (const i of [...indexes].sort((a, b) => a - b)) {
    const category = String(v[`targetCategory-${i}`] ?? "")
      .trim()
      .replace(/\s+/g, " ");
    const hoursRaw = String(v[`targetHours-${i}`] ?? "").trim();
    if (!category && !hoursRaw) continue;
    if (hasControlCharacters(category)) {
      ctx.addIssue({ code: "custom", path: [`targetCategory-${i}`], message: CONTROL_CHARACTERS_MESSAGE });
      continue;
    }
    if (!category) {
      ctx.addIssue({ code: "custom", path: [`targetCategory-${i}`], message: "Name the category these hours are for." });
      continue;
    }
    if (category.length > 100) {
      ctx.addIssue({ code: "custom", path: [`targetCategory-${i}`], message: "Keep the category under 100 characters." });
      continue;
    }
    const key = category.toLowerCase();
    if (seen.has(key)) {
      ctx.addIssue({ code: "custom", path: [`targetCategory-${i}`], message: "This category is already listed above." });
      continue;
    }
    seen.set(key, i);
    if (!hoursRaw) {
      ctx.addIssue({ code: "custom", path: [`targetHours-${i}`], message: "Enter the hours required, for example 10." });
      continue;
    }
    const hours = Number(hoursRaw);
    if (!hoursText.test(hoursRaw) || !(hours > 0) || hours > 1000) {
      ctx.addIssue({
        code: "custom",
        path: [`targetHours-${i}`],
        message: "Enter a number of hours between 0.25 and 1000, like 6 or 2.5.",
      });
      continue;
    }
    hourTargets.push({ category, hours });
  }
  if (hourTargets.length > MAX_TARGETS) {
    ctx.addIssue({ code: "custom", path: ["targets"], message: `Set at most ${MAX_TARGETS} targets.` });
  }
  return {
    organisationName: name.data ?? "",
    providerApprovalNumber: approval.data || null,
    hourTargets,
    signerName: signerName.data || null,
    signerTitle: signerTitle.data || null,
  } satisfies OrgSettings;
});

/** Save the settings row (creating it if missing) and audit the change in the same transaction. Admins only (else not_found). */
export async function updateOrgSettings({
  actor,
  input,
  ip,
}: {
  actor: Pick<CurrentUser, "id" | "email" | "role">;
  /** the signer fields left out: kept as they are */
  input: Omit<OrgSettings, "signerName" | "signerTitle"> & Partial<Pick<OrgSettings, "signerName" | "signerTitle">>;
  ip?: string | null;
}) {
  requirePermission(actor, "settings.manage");
  const saved = await getDb().transaction(async (tx) => {
    const before = await readOrgSettings(tx);
    const values = {
      organisationName: input.organisationName,
      providerApprovalNumber: input.providerApprovalNumber,
      hourTargets: input.hourTargets,
      signerName: input.signerName === undefined ? before.signerName : input.signerName,
      signerTitle: input.signerTitle === undefined ? before.signerTitle : input.signerTitle,
    };
    await tx
      .insert(orgSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: orgSettings.id, set: { ...values, updatedAt: new Date() } });
    const changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(values[k]));
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "settings.update",
      targetType: "org_settings",
      targetId: "1",
      ip,
      details: { changed, before, after: values },
    });
    // a category that was there before and is not now, said out loud by the form: a save never drops one silently
    const kept = new Set(values.hourTargets.map((t) => t.category.toLowerCase()));
    const removed = before.hourTargets.filter((t) => !kept.has(t.category.toLowerCase())).map((t) => t.category);
    return { ...values, removed };
  });
  forgetOrgSettings();
  return saved;
}

/** Demo mode: a provider name, a signer and the Illinois-style targets, unless an admin already saved settings. */
export async function seedDemoSettings(db: DbOrTx) {
  await db
    .insert(orgSettings)
    .values({
      id: 1,
      organisationName: "Cohort Demo Training Program",
      providerApprovalNumber: null,
      // the demo's certificates carry a signature line (issue 15, item 11)
      signerName: "Alex Morgan",
      signerTitle: "Program Director",
      hourTargets: [
        { category: "CRSS domains", hours: 40 },
        { category: "Professional ethics", hours: 6 },
        { category: "Professional Responsibility", hours: 10 },
      ],
    })
    .onConflictDoNothing();
  forgetOrgSettings();
}
