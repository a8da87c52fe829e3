/**
 * `npm run user:create -- --email E --name N --role R [--password-stdin]`
 * Creates an account, typically the first admin of a real deployment.
 */
import readline from "node:readline";
import { parseArgs } from "node:util";
import { closeDb, dbKind, DatabaseLockedError, getDb } from "../db/client";
import { migrateDb } from "../db/migrate";
import { createUser } from "../lib/accounts/users";
import { isDomainError } from "../lib/platform/errors";

async function readStdin(): Promise<string> {
  let data = "";
  for await (const chunk of process.stdin) data += chunk;
  return data.replace(/\r?\n$/, "");
}

function prompt(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    let asked = false;
    out._writeToOutput = (s: string) => {
      if (!asked) {
        out.output.write(s);
        asked = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

async function main() {
  let args;
  try {
    args = parseArgs({
      options: {
        email: { type: "string" },
        name: { type: "string" },
        role: { type: "string" },
        "password-stdin": { type: "boolean", default: false },
      },
    }).values;
  } catch (e) {
    throw new Error(
      `${(e as Error).message}. Usage: npm run user:create -- --email E --name N --role admin|instructor|learner [--password-stdin]`,
    );
  }
  if (!args.email || !args.name || !args.role) {
    throw new Error("Usage: npm run user:create -- --email E --name N --role admin|instructor|learner [--password-stdin]");
  }
  let password: string;
  if (args["password-stdin"]) password = await readStdin();
  else if (process.stdin.isTTY) password = await prompt("Password (8–128 characters): ");
  else throw new Error("No terminal to ask for a password: pipe it in with --password-stdin.");

  await migrateDb(getDb(), dbKind());
  const user = await createUser({ email: args.email, name: args.name, role: args.role as never, password });
  console.log(`Created ${user.role} ${user.email}.`);
}

main()
  .then(() => closeDb())
  .catch(async (e) => {
    await closeDb().catch(() => {});
    const field = isDomainError(e) ? Object.keys(e.fieldErrors ?? {})[0] : undefined;
    const msg = field ? `${field}: ${(e as Error).message}` : e instanceof DatabaseLockedError ? e.message : (e as Error).message;
    console.error(msg);
    process.exit(1);
  });
