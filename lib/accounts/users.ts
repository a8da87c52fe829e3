import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import { roles, type Role } from "@/lib/access/permissions";
import { hashPassword, passwordProblem } from "@/lib/accounts/password";
import { invalid } from "@/lib/platform/errors";
import { noControlCharacters } from "@/lib/platform/text";

export const emailSchema = z
  .string()
  .trim()
  .max(320, "That email address is too long.")
  .email("Enter a valid email address, like name@example.org.")
  .transform((e) => e.toLowerCase());
export const nameSchema = z
  .string()
  .refine(...noControlCharacters())
  .trim()
  .min(1, "Enter a name.")
  .max(120, "Keep the name under 120 characters.");
export const roleSchema = z.enum(roles, { message: "Role must be admin, instructor or learner." });

export async function findUserByEmail(email: string, db: DbOrTx = getDb()) {
  const [u] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  return u ?? null;
}

/** One field's problem: the message shows next to that field. */
const inputError = (field: "email" | "name" | "role" | "password", message: string) => invalid(message, { [field]: message });

/**
 * Create an account. A null password makes one that is set later through a
 * link. A bad or taken field is an invalid DomainError naming the field.
 */
export async function createUser(
  input: { email: string; name: string; role: Role; password: string | null; createdBy?: string | null },
  db: DbOrTx = getDb(),
) {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) throw inputError("email", email.error.issues[0].message);
  const name = nameSchema.safeParse(input.name);
  if (!name.success) throw inputError("name", name.error.issues[0].message);
  const role = roleSchema.safeParse(input.role);
  if (!role.success) throw inputError("role", role.error.issues[0].message);
  if (input.password !== null) {
    const problem = passwordProblem(input.password);
    if (problem) throw inputError("password", problem);
  }
  if (await findUserByEmail(email.data, db)) throw inputError("email", "An account with that email already exists.");
  const passwordHash = input.password === null ? null : await hashPassword(input.password);
  const [created] = await db
    .insert(users)
    .values({
      email: email.data,
      name: name.data,
      role: role.data,
      passwordHash,
      passwordSetAt: passwordHash ? new Date() : null,
      createdBy: input.createdBy ?? null,
    })
    .returning();
  return created;
}
