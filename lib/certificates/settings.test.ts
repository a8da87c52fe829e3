import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, orgSettings } from "@/db/schema";
import { makeUser } from "@/db/test/factories";
import { setupTestDb } from "@/db/test/test-db";
import {
  DEFAULT_SETTINGS,
  forgetOrgSettings,
  getOrgSettings,
  readOrgSettings,
  SETTINGS_TTL_MS,
  settingsFormSchema,
  updateOrgSettings,
} from "./settings";

const t = setupTestDb();

const form = (extra: Record<string, string> = {}) => ({ organisationName: "Prairie Peer Academy", providerApprovalNumber: "", ...extra });

describe("settingsFormSchema", () => {
  it("reads target rows, skips blank ones and trims", () => {
    const r = settingsFormSchema.safeParse(
      form({
        providerApprovalNumber: "  IL-0042 ",
        "targetCategory-0": " CRSS  domains ",
        "targetHours-0": "40",
        "targetCategory-1": "",
        "targetHours-1": "",
        "targetCategory-2": "Professional ethics",
        "targetHours-2": "6.5",
      }),
    );
    expect(r.success).toBe(true);
    expect(r.data).toEqual({
      organisationName: "Prairie Peer Academy",
      providerApprovalNumber: "IL-0042",
      hourTargets: [
        { category: "CRSS domains", hours: 40 },
        { category: "Professional ethics", hours: 6.5 },
      ],
      signerName: null,
      signerTitle: null,
    });
    expect(settingsFormSchema.parse(form()).providerApprovalNumber).toBeNull();
  });

  it("puts a clear message next to each bad field", () => {
    const r = settingsFormSchema.safeParse({
      organisationName: "  ",
      providerApprovalNumber: "x".repeat(101),
      "targetCategory-0": "Ethics",
      "targetHours-0": "six",
      "targetCategory-1": "",
      "targetHours-1": "10",
      "targetCategory-2": "ethics",
      "targetHours-2": "3",
      "targetCategory-3": "Mentoring",
      "targetHours-3": "",
      "targetCategory-4": "Zero",
      "targetHours-4": "0",
    });
    expect(r.success).toBe(false);
    const byField = Object.fromEntries(r.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(byField.organisationName).toMatch(/Enter the organization's name/);
    expect(byField.providerApprovalNumber).toMatch(/under 100/);
    expect(byField["targetHours-0"]).toMatch(/number of hours/);
    expect(byField["targetCategory-1"]).toMatch(/Name the category/);
    expect(byField["targetCategory-2"]).toMatch(/already listed/);
    expect(byField["targetHours-3"]).toMatch(/Enter the hours/);
    expect(byField["targetHours-4"]).toMatch(/number of hours/);
  });
});

describe("org settings", () => {
  it("reads defaults while no row exists, creates row 1 on first save and audits it", async () => {
    await t.db.delete(orgSettings);
    forgetOrgSettings();
    expect(await getOrgSettings()).toEqual(DEFAULT_SETTINGS);
    const admin = await makeUser({ role: "admin" });
    const input = {
      organisationName: "Prairie Peer Academy",
      providerApprovalNumber: "IL-0042",
      hourTargets: [{ category: "Professional ethics", hours: 6 }],
    };
    await updateOrgSettings({ actor: admin, input, ip: "10.2.0.1" });
    expect(await getOrgSettings()).toEqual({ ...input, signerName: null, signerTitle: null });
    const rows = await t.db.select().from(orgSettings);
    expect(rows.map((r) => r.id)).toEqual([1]);

    await updateOrgSettings({ actor: admin, input: { ...input, providerApprovalNumber: null } });
    expect((await t.db.select().from(orgSettings)).length).toBe(1);
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.actorId, admin.id)).orderBy(auditLog.id);
    expect(entries.map((e) => e.action)).toEqual(["settings.update", "settings.update"]);
    expect(entries[1].details).toMatchObject({ changed: ["providerApprovalNumber"] });
    expect(entries[0].ip).toBe("10.2.0.1");
  });

  it("answers what was stored and names any category a save removed, so the form never drops one silently", async () => {
    const admin = await makeUser({ role: "admin" });
    const base = { organisationName: "Prairie Peer Academy", providerApprovalNumber: null };
    const two = [
      { category: "CRSS domains", hours: 40 },
      { category: "Professional ethics", hours: 6 },
    ];
    const added = await updateOrgSettings({ actor: admin, input: { ...base, hourTargets: two } });
    expect(added).toMatchObject({ hourTargets: two, removed: [] });
    expect((await getOrgSettings()).hourTargets).toEqual(two);
    const renamedCase = await updateOrgSettings({
      actor: admin,
      input: { ...base, hourTargets: [two[0], { ...two[1], category: "professional ethics" }] },
    });
    expect(renamedCase.removed).toEqual([]);
    const dropped = await updateOrgSettings({ actor: admin, input: { ...base, hourTargets: [two[0]] } });
    expect(dropped.removed).toEqual(["professional ethics"]);
  });

  it("refuses anyone but an admin and changes nothing", async () => {
    for (const role of ["instructor", "learner"] as const) {
      const u = await makeUser({ role });
      await expect(updateOrgSettings({ actor: u, input: { ...DEFAULT_SETTINGS, organisationName: "Hijacked" } })).rejects.toMatchObject({
        code: "not_found",
      });
    }
    expect((await getOrgSettings()).organisationName).not.toBe("Hijacked");
  });

  it("are read once per process while fresh, at once again after a save, and within the TTL after a change elsewhere", async () => {
    const admin = await makeUser({ role: "admin" });
    const input = { organisationName: "Lakeshore Peer Institute", providerApprovalNumber: null, hourTargets: [] };
    await updateOrgSettings({ actor: admin, input });
    const t0 = Date.now();
    expect((await getOrgSettings(t0)).organisationName).toBe("Lakeshore Peer Institute");

    // another instance saves: this one keeps its copy until the TTL runs out; the form and certificates read the row
    await t.db.update(orgSettings).set({ organisationName: "Renamed Elsewhere" });
    expect((await getOrgSettings(t0 + 1000)).organisationName).toBe("Lakeshore Peer Institute");
    expect((await readOrgSettings()).organisationName).toBe("Renamed Elsewhere");
    expect((await getOrgSettings(t0 + SETTINGS_TTL_MS + 1)).organisationName).toBe("Renamed Elsewhere");

    // a save in this process shows at once
    await updateOrgSettings({ actor: admin, input: { ...input, organisationName: "Saved Here" } });
    expect((await getOrgSettings(t0 + SETTINGS_TTL_MS + 2)).organisationName).toBe("Saved Here");
    await t.db.update(orgSettings).set({ organisationName: "Seeded" });
    forgetOrgSettings();
    expect((await getOrgSettings(t0 + SETTINGS_TTL_MS + 3)).organisationName).toBe("Seeded");
  });
});

describe("certificate signer (issue 15, item 11)", () => {
  it("reads and checks the signer's name and title", () => {
    const ok = settingsFormSchema.parse(form({ signerName: "  Dr. Angela Whitfield ", signerTitle: "Director of Training" }));
    expect(ok).toMatchObject({ signerName: "Dr. Angela Whitfield", signerTitle: "Director of Training" });
    const bad = settingsFormSchema.safeParse(form({ signerName: "x".repeat(121), signerTitle: "a\u0007b" }));
    const byField = Object.fromEntries(bad.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(byField.signerName).toMatch(/under 120/);
    expect(byField.signerTitle).toBeTruthy();
    const titleOnly = settingsFormSchema.safeParse(form({ signerName: "", signerTitle: "Director" }));
    expect(titleOnly.error!.issues[0]).toMatchObject({
      path: ["signerName"],
      message: expect.stringMatching(/name of the person who signs/),
    });
  });

  it("saves the signer and audits it as before → after", async () => {
    const admin = await makeUser({ role: "admin" });
    const base = { organisationName: "Prairie Peer Academy", providerApprovalNumber: null, hourTargets: [] };
    await updateOrgSettings({ actor: admin, input: { ...base, signerName: "Ana Lima", signerTitle: "Program Director" } });
    expect(await readOrgSettings()).toMatchObject({ signerName: "Ana Lima", signerTitle: "Program Director" });
    // a save without the signer fields keeps them
    await updateOrgSettings({ actor: admin, input: base });
    expect(await readOrgSettings()).toMatchObject({ signerName: "Ana Lima", signerTitle: "Program Director" });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.actorId, admin.id)).orderBy(auditLog.id).limit(1);
    expect(entry.details).toMatchObject({
      before: { signerName: null },
      after: { signerName: "Ana Lima", signerTitle: "Program Director" },
    });
  });
});
