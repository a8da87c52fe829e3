import { createHash } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { modules, moduleVersions } from "@/db/schema";
import { loadBuiltInModule } from "./content-files";
import { moduleContentSchema, type ModuleContent } from "./content-schema";

export function contentHash(content: ModuleContent) {
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}

/**
 * Publish content as the module's next version, unless the latest version
 * already has exactly this content. Versions are never edited: attempts and
 * reflections keep pointing at the one they were made against.
 */
export async function publishModule(content: ModuleContent, db: DbOrTx = getDb()) {
  const valid = moduleContentSchema.parse(content);
  const hash = contentHash(valid);
  return db.transaction(async (tx) => {
    await tx.insert(modules).values({ slug: valid.slug, title: valid.title }).onConflictDoNothing();
    const [mod] = await tx.select().from(modules).where(eq(modules.slug, valid.slug)).for("update");
    const [latest] = await tx
      .select()
      .from(moduleVersions)
      .where(eq(moduleVersions.moduleId, mod.id))
      .orderBy(desc(moduleVersions.version))
      .limit(1);
    if (latest?.contentHash === hash) return { moduleId: mod.id, versionId: latest.id, version: latest.version, created: false };
    const [created] = await tx
      .insert(moduleVersions)
      .values({
        moduleId: mod.id,
        version: (latest?.version ?? 0) + 1,
        title: valid.title,
        content: valid,
        contentHash: hash,
        contactHours: valid.contactHours,
        hoursCategory: valid.hoursCategory,
        passMark: valid.passMark,
      })
      .returning();
    if (valid.title !== mod.title) await tx.update(modules).set({ title: valid.title }).where(eq(modules.id, mod.id));
    return { moduleId: mod.id, versionId: created.id, version: created.version, created: true };
  });
}

/** The built-in module (content/boundaries/), published at migrate/seed time and when an embedded server starts. */
export async function publishBuiltInModules(db: DbOrTx = getDb()) {
  return publishModule(loadBuiltInModule("boundaries"), db);
}

export type ModuleVersion = {
  id: string;
  moduleId: string;
  version: number;
  title: string;
  content: ModuleContent;
  contactHours: number;
  hoursCategory: string;
  passMark: number;
};

// Versions are immutable, so each is read and validated once per process.
const versionCache = new Map<string, ModuleVersion>();

export async function getModuleVersion(versionId: string, db: DbOrTx = getDb()): Promise<ModuleVersion | null> {
  const hit = versionCache.get(versionId);
  if (hit) return hit;
  const [row] = await db.select().from(moduleVersions).where(eq(moduleVersions.id, versionId)).limit(1);
  if (!row) return null;
  const v: ModuleVersion = { ...row, content: row.content as ModuleContent };
  versionCache.set(versionId, v);
  return v;
}

/** The latest published version of a module: what a learner starting now works against. */
export async function getLatestVersion(moduleId: string, db: DbOrTx = getDb()): Promise<ModuleVersion | null> {
  const [row] = await db
    .select({ id: moduleVersions.id })
    .from(moduleVersions)
    .where(eq(moduleVersions.moduleId, moduleId))
    .orderBy(desc(moduleVersions.version))
    .limit(1);
  return row ? getModuleVersion(row.id, db) : null;
}
