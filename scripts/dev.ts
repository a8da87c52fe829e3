/** `npm run dev`: the app with hot reload; with no DATABASE_URL, on the embedded demo database. */
import { spawn } from "node:child_process";
import { prepareEmbeddedEnv } from "./lib";

const port = process.env.PORT ?? "3000";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
prepareEmbeddedEnv(port);
if (!process.env.DATABASE_URL)
  console.log(`Cohort demo: embedded database in ${process.env.COHORT_DATA_DIR ?? ".data"}/, open http://localhost:${port}`);
const child = spawn("npx", ["next", "dev", "-p", port], { stdio: "inherit", env: process.env });
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
