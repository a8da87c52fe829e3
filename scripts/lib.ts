/** Shared by the command-line scripts: environment for the embedded demo, opening the database. */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** On the embedded database, make what a zero-config start needs (kept in the data folder). */
export function prepareEmbeddedEnv(port: string) {
  const dir = path.resolve(process.env.COHORT_DATA_DIR ?? ".data");
  fs.mkdirSync(dir, { recursive: true });
  if (!process.env.NEXTAUTH_SECRET) {
    const file = path.join(dir, "nextauth-secret");
    if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
    process.env.NEXTAUTH_SECRET = fs.readFileSync(file, "utf8").trim();
  }
  if (!process.env.DATABASE_URL) process.env.COHORT_DEMO ??= "1";
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
