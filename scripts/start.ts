/** `npm start`: the built app. Refuses to start, in one line, when configuration is missing. */
import { spawn } from "node:child_process";
import { fail, prepareEmbeddedEnv } from "./lib";

const port = process.env.PORT ?? "3000";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
if (!process.env.DATABASE_URL && process.env.COHORT_DEMO !== "0") {
  // the embedded demo generates its own secret; a real deployment sets DATABASE_URL
  prepareEmbeddedEnv(port);
}
(process.env as Record<string, string>).NODE_ENV = "production";
if (!process.env.NEXTAUTH_SECRET) fail("Cohort cannot start: NEXTAUTH_SECRET is not set (generate one with `openssl rand -base64 32`).");
const child = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env: process.env });
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
