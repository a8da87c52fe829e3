/**
 * What an admin (the programme coordinator) does for people beyond staff
 * accounts: create a learner, enrol a learner in a cohort, correct a
 * person's name and email. Each is audited; the person is told about a
 * change to their account.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { cohorts, enrolments, users } from "@/db/schema";
import { isUuid, requirePermission } from "@/lib/access/scope";
import { revokeOpenLinks } from "@/lib/accounts/set-password-links";
import type { CurrentUser } from "@/lib/accounts/sessions";
import { emailSchema, findUserByEmail, nameSchema } from "@/lib/accounts/users";
import { audit } from "@/lib/audit/record";
import { assertCohortOpen, requireCohort } from "@/lib/cohorts/cohorts";
import { createLearnerWithoutPassword, enrolLearner, type EnrolOutcome } from "@/lib/cohorts/enrolment";
import { enqueue } from "@/lib/notifications/outbox";
import { conflict, invalid, notFound } from "@/lib/platform/errors";

type Actor = Pick<CurrentUser, "id" | "role" | "email">;

export const peopleMessages = {
  missing: "No such account.",
  emailTaken: "Another account already uses this email. Each person signs in with their own address.",
  erased: "This account was erased; its details cannot be changed.",
  notLearner: "Only learner accounts can be enrolled in a cohort.",
  deactivated: "This account is deactivated. Reactivate it before enrolling it.",
} as const;

/** The fields of "Add a learner" and "Edit name and email", checked on the server with messages next to each field. */
export const personDetailsSchema = z.object({ name: nameSchema, email: emailSchema });

function checked<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const i of parsed.error.issues) fields[String(i.path[0])] ??= i.message;
  throw invalid(parsed.error.issues[0].message, fields);
}

const emailTaken = () => invalid(peopleMessages.emailTaken, { email: peopleMessages.emailTaken });
const isUniqueViolation = (e: unknown) =>
  (e as { code?: string; cause?: { code?: string } })?.code === "23505" || (e as { cause?: { code?: string } })?.cause?.code === "23505";

/**
 * A learner account without a password, made by an admin, optionally
 * enrolled in a cohort at once. The set-password link (shown to the admin
 * once, like an instructor's) is the same kind every new account gets: it
 * works once, for 7 days, and ends on any change of role, status or password.
 */
export async function createLearnerAccount({
  actor,
  name,
  email,
  cohortId,
  ip,
}: {
  actor: Actor;
  name: string;
  email: string;
  cohortId?: string | null;
  ip?: string;
}) {
  requirePermission(actor, "users.manage");
  const fields = checked(personDetailsSchema, { name, email });
  return getDb().transaction(async (tx) => {
    const cohort = cohortId ? await requireCohort(actor, cohortId, "cohort.manage", tx) : null;
    if (cohort) assertCohortOpen(cohort);
    if (await findUserByEmail(fields.email, tx)) throw emailTaken();
    const made = await createLearnerWithoutPassword(tx, { ...fields, actor, via: "email" });
    if (!made) throw emailTaken();
    if (cohort) await enrolLearner(tx, { cohortId: cohort.id, userId: made.user.id, source: "email", actor, ip });
    return {
      learner: { id: made.user.id, name: made.user.name, email: made.user.email },
      path: made.link.path,
      expiresAt: made.link.expiresAt,
      cohort,
    };
  });
}

/**
 * Enrol an existing learner in any cohort. The admin decides this (no
 * acceptance step, unlike an instructor's add: the programme coordinator
 * already sees every cohort's completion); it is audited and the learner is
 * told of each assignment as usual.
 */
export async function enrolExistingLearner({
  actor,
  userId,
  cohortId,
  ip,
}: {
  actor: Actor;
  userId: string;
  cohortId: string;
  ip?: string;
}): Promise<EnrolOutcome> {
  requirePermission(actor, "users.manage");
  if (!isUuid(userId)) throw notFound(peopleMessages.missing);
  return getDb().transaction(async (tx) => {
    const cohort = await requireCohort(actor, cohortId, "cohort.manage", tx);
    assertCohortOpen(cohort);
    const [person] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!person) throw notFound(peopleMessages.missing);
    if (person.role !== "learner") throw invalid(peopleMessages.notLearner, { cohortId: peopleMessages.notLearner });
    if (person.status !== "active") throw conflict(peopleMessages.deactivated);
    return enrolLearner(tx, { cohortId: cohort.id, userId, source: "email", actor, ip });
  });
}

/**
 * Correct a person's name and email. A taken email is refused with a message
 * next to the field (the unique index backs the check up under a race).
 *
 * An email change moves sign-in to the new address. Open set-password links
 * and invites end: they were sent to the old address, and whoever reads that
 * mailbox must not choose the password of the account that is now someone
 * else's address. Sessions and the password stay (the person is the same;
 * nothing they know changed). The person is told in the app and by email at
 * the new address, and the old address gets an email too, so a change they
 * did not expect is noticed where they still read mail.
 */
export async function updatePersonDetails({
  actor,
  userId,
  name,
  email,
  ip,
  now = new Date(),
}: {
  actor: Actor;
  userId: string;
  name: string;
  email: string;
  ip?: string;
  now?: Date;
}) {
  requirePermission(actor, "users.manage");
  if (!isUuid(userId)) throw notFound(peopleMessages.missing);
  const after = checked(personDetailsSchema, { name, email });
  try {
    return await getDb().transaction(async (tx) => {
      const [before] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId)).for("update");
      if (!before) throw notFound(peopleMessages.missing);
      if (before.email.startsWith("erased:")) throw conflict(peopleMessages.erased);
      const emailChanged = before.email.toLowerCase() !== after.email;
      const nameChanged = before.name !== after.name;
      if (!emailChanged && !nameChanged) return { changed: false as const };
      if (emailChanged) {
        const other = await findUserByEmail(after.email, tx);
        if (other && other.id !== userId) throw emailTaken();
      }
      await tx
        .update(users)
        .set({ name: after.name, email: emailChanged ? after.email : sql`${users.email}` })
        .where(eq(users.id, userId));
      const linksRevoked = emailChanged ? await revokeOpenLinks(tx, userId) : 0;
      const changes = {
        ...(nameChanged ? { name: [before.name, after.name] } : {}),
        ...(emailChanged ? { email: [before.email, after.email] } : {}),
      };
      await audit(tx, {
        actorId: actor.id,
        actorEmail: actor.email,
        action: "user.update_details",
        targetType: "user",
        targetId: userId,
        ip,
        details: {
          before: { name: before.name, email: before.email },
          after: { name: after.name, email: emailChanged ? after.email : before.email },
          ...(linksRevoked ? { linksRevoked } : {}),
        },
      });
      const period = `changed-${now.toISOString()}`;
      await enqueue(
        tx,
        { recipientId: userId, kind: "account_changed", subjectId: userId, period, payload: { changes }, sendAfter: now },
        now,
      );
      if (emailChanged) {
        // the old address: an email only (the bell shows the change once)
        await enqueue(
          tx,
          {
            recipientId: userId,
            kind: "account_changed",
            subjectId: userId,
            period: `${period}-previous-address`,
            payload: { previousAddress: true, sendTo: before.email },
            sendAfter: now,
          },
          now,
        );
      }
      return { changed: true as const, emailChanged, linksRevoked };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw emailTaken();
    throw e;
  }
}

/** What the admin's forms offer: active instructors (to teach a new cohort) and open cohorts (to enrol in). */
export async function listAdminChoices({ actor }: { actor: Pick<CurrentUser, "id" | "role"> }) {
  requirePermission(actor, "users.manage");
  const db = getDb();
  const [instructors, openCohorts] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(and(eq(users.role, "instructor"), eq(users.status, "active")))
      .orderBy(asc(users.name), asc(users.id)),
    db
      .select({ id: cohorts.id, name: cohorts.name })
      .from(cohorts)
      .where(eq(cohorts.status, "active"))
      .orderBy(asc(cohorts.name), asc(cohorts.id)),
  ]);
  return { instructors, cohorts: openCohorts };
}

/** The cohorts a learner is enrolled in (active), for their page. */
export async function listLearnerCohorts({ actor, userId }: { actor: Pick<CurrentUser, "id" | "role">; userId: string }) {
  requirePermission(actor, "users.manage");
  if (!isUuid(userId)) throw notFound(peopleMessages.missing);
  return getDb()
    .select({ id: cohorts.id, name: cohorts.name })
    .from(enrolments)
    .innerJoin(cohorts, eq(cohorts.id, enrolments.cohortId))
    .where(and(eq(enrolments.userId, userId), eq(enrolments.status, "active")))
    .orderBy(asc(cohorts.name));
}

/** Who a person asks to change their name or email: the active admins (programme coordinators). */
export async function listCoordinators() {
  return getDb()
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.status, "active")))
    .orderBy(asc(users.name))
    .limit(5);
}
