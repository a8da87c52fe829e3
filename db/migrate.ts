import path from "node:path";
import type { Db } from "./client";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Apply committed migrations; a no-op when they are applied already. */
export async function migrateDb(db: Db, kind: "postgres" | "pglite") {
  if (kind === "postgres") {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(db, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(db as never, { migrationsFolder });
  }
}
