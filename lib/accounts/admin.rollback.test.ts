/**
 * Audit entries are written by the transaction of the change they record:
 * when that transaction fails after the entry was written, both are undone.
 * The failure is a real database error, raised by a trigger when a probe
 * user's sessions are ended — the last step of each change, after its audit.
 */
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import { makeUser } from "@/db/test/factories";
import { setupTestDb } from "@/db/test/test-db";
import { changeUserRole, setUserStatus, signOutUserEverywhere } from "./admin";

const t = setupTestDb();
const PROBE = "Rollback Probe";
let admin: { id: string; role: "admin"; email: string };

beforeAll(async () => {
  const a = await makeUser({ role: "admin" });
  admin = { id: a.id, role: "admin", email: a.email };
  await t.db.execute(
    sql.raw(`
    create function fail_for_probe() returns trigger language plpgsql as $$
    begin
      if new.name = '${PROBE}' and new.session_version <> old.session_version then
        raise exception 'forced failure inside the transaction';
      end if;
      return new;
    end $$`),
  );
  await t.db.execute(sql.raw(`create trigger fail_for_probe before update on users for each row execute function fail_for_probe()`));
});

const entriesFor = (id: string) => t.db.select().from(auditLog).where(eq(auditLog.targetId, id));
const reload = async (id: string) => (await t.db.select().from(users).where(eq(users.id, id)))[0];

describe("audit entries roll back with their change", () => {
  it("role change: the failure after the audit insert leaves neither the new role nor the entry", async () => {
    const probe = await makeUser({ role: "instructor", name: PROBE });
    await expect(changeUserRole(admin, probe.id, "admin")).rejects.toThrow();
    expect((await reload(probe.id)).role).toBe("instructor");
    expect(await entriesFor(probe.id)).toEqual([]);
  });

  it("deactivation: neither the status nor the entry", async () => {
    const probe = await makeUser({ name: PROBE });
    await expect(setUserStatus(admin, probe.id, "deactivated")).rejects.toThrow();
    expect((await reload(probe.id)).status).toBe("active");
    expect(await entriesFor(probe.id)).toEqual([]);
  });

  it("sign out everywhere: no entry", async () => {
    const probe = await makeUser({ name: PROBE });
    await expect(signOutUserEverywhere(admin, probe.id)).rejects.toThrow();
    expect(await entriesFor(probe.id)).toEqual([]);
  });

  it("and without the failure, change and entry land together", async () => {
    const other = await makeUser({ role: "instructor", name: "Not A Probe" });
    await changeUserRole(admin, other.id, "admin");
    expect((await reload(other.id)).role).toBe("admin");
    expect((await entriesFor(other.id)).map((e) => e.action)).toEqual(["user.role_change"]);
  });
});
