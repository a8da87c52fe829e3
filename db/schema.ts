/**
 * The whole data model. One file so that migrations come from one place;
 * tables are grouped by the part of the product that owns them.
 */
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => ts("created_at").notNull().defaultNow();
const updatedAt = () =>
  ts("updated_at")
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

// ---------------------------------------------------------------- accounts

export const roleEnum = pgEnum("role", ["admin", "instructor", "learner"]);
export const userStatusEnum = pgEnum("user_status", ["active", "deactivated"]);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    /** null until the user sets a password through an invite or set-password link */
    passwordHash: text("password_hash"),
    /** when a password was last set; null: this account never had one (instructors may send it a link) */
    passwordSetAt: ts("password_set_at"),
    role: roleEnum("role").notNull(),
    status: userStatusEnum("status").notNull().default("active"),
    /** bumped to end every session of the user at their next request */
    sessionVersion: integer("session_version").notNull().default(1),
    /** rows made by a seed script; the scale seed refuses to run beside real users */
    isSeed: boolean("is_seed").notNull().default(false),
    /** the staff member who made this account (an instructor adding a learner); null when self-made */
    createdBy: uuid("created_by").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    lastSignInAt: ts("last_sign_in_at"),
    /** IANA zone for reminders at 9 a.m. their time; null: the organisation's */
    timeZone: text("time_zone"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_lower_uq").on(sql`lower(${t.email})`),
    index("users_role_status_idx").on(t.role, t.status),
    index("users_name_idx").on(t.name),
    index("users_created_by_idx").on(t.createdBy),
  ],
);

/** One row per signed-in browser: sign-out and idle expiry end it server-side. */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: ts("last_seen_at").notNull().defaultNow(),
    expiresAt: ts("expires_at").notNull(),
    revokedAt: ts("revoked_at"),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId)],
);

/** Failure counters for sign-in and other guessable endpoints, keyed e.g. "email:x", "ip:y". */
export const throttles = pgTable("throttles", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: ts("window_started_at").notNull().defaultNow(),
  blockedUntil: ts("blocked_until"),
});

export const accountTokenPurposeEnum = pgEnum("account_token_purpose", ["invite", "set_password"]);

/**
 * Staff invites and set-password links. Only the SHA-256 of the token is
 * stored. A link remembers the account's role and whether it had a password
 * when it was made: redeeming it after either changed is refused.
 */
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: accountTokenPurposeEnum("purpose").notNull(),
    issuedRole: roleEnum("issued_role").notNull(),
    issuedWithPassword: boolean("issued_with_password").notNull(),
    expiresAt: ts("expires_at").notNull(),
    usedAt: ts("used_at"),
    revokedAt: ts("revoked_at"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("account_tokens_user_idx").on(t.userId)],
);

/**
 * Browsers that signed in to an account before (a long-lived HttpOnly cookie
 * holds the token; only its SHA-256 is kept). A correct password from one of
 * them is not refused by the per-account throttle, so strangers guessing a
 * password cannot lock its owner out.
 */
export const signInDevices = pgTable(
  "sign_in_devices",
  {
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastUsedAt: ts("last_used_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tokenHash, t.userId] }), index("sign_in_devices_user_idx").on(t.userId)],
);

// ---------------------------------------------------------------- organisation

/** Single row (id = 1): what certificates print as the provider, and hour targets. */
export const orgSettings = pgTable("org_settings", {
  id: integer("id").primaryKey().default(1),
  organisationName: text("organisation_name").notNull().default("Cohort Training Program"),
  providerApprovalNumber: text("provider_approval_number"),
  /** e.g. [{ category: "Professional Responsibility", hours: 10 }] */
  hourTargets: jsonb("hour_targets").$type<{ category: string; hours: number }[]>().notNull().default([]),
  /** IANA zone for people who have not set their own (reminders go out at 9 a.m. local time) */
  timeZone: text("time_zone").notNull().default("America/Chicago"),
  /** who signs the certificates: printed under the signature line */
  signerName: text("signer_name"),
  signerTitle: text("signer_title"),
  updatedAt: updatedAt(),
});

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * The organization's logo for certificates (one row, id 1). In the database,
 * not on disk: several app instances share one database and no file system.
 * Validated on upload (lib/certificates/logo.ts): PNG or JPEG by content,
 * 512 KB and 2000 px at most.
 */
export const certificateLogo = pgTable(
  "certificate_logo",
  {
    id: integer("id").primaryKey().default(1),
    contentType: text("content_type").notNull(),
    bytes: bytea("bytes").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("certificate_logo_single_row", sql`${t.id} = 1`),
    check("certificate_logo_type", sql`${t.contentType} in ('image/png', 'image/jpeg')`),
  ],
);

/**
 * Every logo the organization has printed on certificates, by the SHA-256 of
 * its bytes: a certificate names the one it was issued with
 * (certificates.logo_sha256), so replacing or removing the logo never changes
 * a certificate already issued. Kept for as long as certificates point at it.
 */
export const certificateLogoVersions = pgTable(
  "certificate_logo_versions",
  {
    sha256: text("sha256").primaryKey(),
    contentType: text("content_type").notNull(),
    bytes: bytea("bytes").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    createdAt: createdAt(),
  },
  (t) => [check("certificate_logo_versions_type", sql`${t.contentType} in ('image/png', 'image/jpeg')`)],
);

// ---------------------------------------------------------------- modules

export const modules = pgTable("modules", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  createdAt: createdAt(),
});

/** Immutable snapshot of a module's content; attempts and reflections point at one. */
export const moduleVersions = pgTable(
  "module_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    moduleId: uuid("module_id")
      .notNull()
      .references(() => modules.id),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    /** validated ModuleContent (lib/learning/module/content-schema.ts) */
    content: jsonb("content").notNull(),
    contentHash: text("content_hash").notNull(),
    contactHours: numeric("contact_hours", { precision: 5, scale: 2, mode: "number" }).notNull(),
    hoursCategory: text("hours_category").notNull(),
    passMark: integer("pass_mark").notNull(),
    publishedAt: createdAt(),
  },
  (t) => [uniqueIndex("module_versions_module_version_uq").on(t.moduleId, t.version)],
);

// ---------------------------------------------------------------- cohorts

export const cohortStatusEnum = pgEnum("cohort_status", ["active", "archived"]);

export const cohorts = pgTable(
  "cohorts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    status: cohortStatusEnum("status").notNull().default("active"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    archivedAt: ts("archived_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("cohorts_status_idx").on(t.status), index("cohorts_name_idx").on(t.name)],
);

export const cohortInstructors = pgTable(
  "cohort_instructors",
  {
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    addedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] }), index("cohort_instructors_user_idx").on(t.userId)],
);

export const enrolmentStatusEnum = pgEnum("enrolment_status", ["active", "removed"]);

export const enrolments = pgTable(
  "enrolments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    status: enrolmentStatusEnum("status").notNull().default("active"),
    /** how they joined: invite | email | csv | seed */
    source: text("source").notNull(),
    enrolledAt: createdAt(),
    removedAt: ts("removed_at"),
  },
  (t) => [
    uniqueIndex("enrolments_cohort_user_uq").on(t.cohortId, t.userId),
    index("enrolments_user_idx").on(t.userId),
    // reports keep active enrolments as an anti-join against the few removed ones (lib/learning/progress/active.ts)
    index("enrolments_removed_idx")
      .on(t.cohortId, t.userId)
      .where(sql`${t.status} = 'removed'`),
  ],
);

/**
 * An instructor added an existing account to their cohort: nothing is shared
 * with the instructor until the learner accepts on /learn (or declines).
 */
export const pendingEnrolments = pgTable(
  "pending_enrolments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    /** email | csv */
    source: text("source").notNull(),
    createdAt: createdAt(),
    /** the learner said no; adding them again asks again */
    declinedAt: ts("declined_at"),
  },
  (t) => [uniqueIndex("pending_enrolments_cohort_user_uq").on(t.cohortId, t.userId), index("pending_enrolments_user_idx").on(t.userId)],
);

export const cohortInvites = pgTable(
  "cohort_invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: ts("expires_at").notNull(),
    maxUses: integer("max_uses").notNull(),
    uses: integer("uses").notNull().default(0),
    revokedAt: ts("revoked_at"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("cohort_invites_cohort_idx").on(t.cohortId)],
);

/** When a learner sees the answer key of a submitted attempt (Moodle's review options are the model). */
export const showCorrectAnswersEnum = pgEnum("show_correct_answers", ["after_pass_or_last_attempt", "after_each_attempt", "never"]);

export const assignments = pgTable(
  "assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id),
    moduleId: uuid("module_id")
      .notNull()
      .references(() => modules.id),
    opensAt: ts("opens_at").notNull(),
    dueAt: ts("due_at").notNull(),
    /** null: the module version's pass mark */
    passMarkOverride: integer("pass_mark_override"),
    /** null: unlimited */
    maxAttempts: integer("max_attempts"),
    /** completion (and the certificate) waits until an instructor has accepted every reflection; assignments made before it existed keep false */
    reflectionsMustBeAccepted: boolean("reflections_must_be_accepted").notNull().default(true),
    showCorrectAnswers: showCorrectAnswersEnum("show_correct_answers").notNull().default("after_pass_or_last_attempt"),
    /** the quiz opens once every lesson section of the learner's version has been read */
    requireAllSectionsRead: boolean("require_all_sections_read").notNull().default(true),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("assignments_cohort_module_uq").on(t.cohortId, t.moduleId),
    index("assignments_module_idx").on(t.moduleId),
    index("assignments_due_idx").on(t.dueAt),
    check("assignments_due_after_open", sql`${t.dueAt} > ${t.opensAt}`),
    check("assignments_pass_mark_range", sql`${t.passMarkOverride} is null or (${t.passMarkOverride} between 1 and 100)`),
    check("assignments_max_attempts_positive", sql`${t.maxAttempts} is null or ${t.maxAttempts} > 0`),
  ],
);

// ---------------------------------------------------------------- learner progress

/**
 * One row per learner and assignment, created when either comes into being
 * (assigning the module, enrolling a learner). Kept up to date in the same
 * transaction as every event, so reports aggregate one indexed table.
 */
export const assignmentProgress = pgTable(
  "assignment_progress",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    cohortId: uuid("cohort_id")
      .notNull()
      .references(() => cohorts.id),
    /** the version the learner works against: pinned at their first activity */
    moduleVersionId: uuid("module_version_id").references(() => moduleVersions.id),
    sectionsRead: integer("sections_read").notNull().default(0),
    attemptsCount: integer("attempts_count").notNull().default(0),
    bestScore: integer("best_score"),
    quizPassedAt: ts("quiz_passed_at"),
    reflectionsSubmitted: integer("reflections_submitted").notNull().default(0),
    startedAt: ts("started_at"),
    completedAt: ts("completed_at"),
    /**
     * Complete by prior completion: the learner completed the same module
     * version in another cohort (that row, which holds the certificate and the
     * hours). Null for a completion earned here. lib/learning/progress/prior-completion.ts
     */
    creditedFromProgressId: uuid("credited_from_progress_id").references((): AnyPgColumn => assignmentProgress.id, {
      onDelete: "set null",
    }),
    lastActivityAt: ts("last_activity_at"),
    /**
     * This learner's own due date (an extension), or null for the
     * assignment's. Read only through effectiveDueSql / effectiveDue
     * (lib/learning/progress/due.ts); its history is in the audit log.
     */
    dueAtOverride: ts("due_at_override"),
  },
  (t) => [
    uniqueIndex("assignment_progress_assignment_user_uq").on(t.assignmentId, t.userId),
    index("assignment_progress_user_idx").on(t.userId),
    index("assignment_progress_cohort_idx").on(t.cohortId),
    index("assignment_progress_completed_idx").on(t.completedAt),
    index("assignment_progress_credited_from_idx")
      .on(t.creditedFromProgressId)
      .where(sql`${t.creditedFromProgressId} is not null`),
  ],
);

export const sectionReads = pgTable(
  "section_reads",
  {
    progressId: uuid("progress_id")
      .notNull()
      .references(() => assignmentProgress.id, { onDelete: "cascade" }),
    sectionId: text("section_id").notNull(),
    readAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.progressId, t.sectionId] })],
);

export const attemptStatusEnum = pgEnum("attempt_status", ["in_progress", "submitted"]);

export const quizAttempts = pgTable(
  "quiz_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    progressId: uuid("progress_id")
      .notNull()
      .references(() => assignmentProgress.id),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    moduleVersionId: uuid("module_version_id")
      .notNull()
      .references(() => moduleVersions.id),
    status: attemptStatusEnum("status").notNull().default("in_progress"),
    /** drawn items with their shuffled option order: [{ itemId, optionIds }] */
    draw: jsonb("draw").$type<{ itemId: string; optionIds: string[] }[]>().notNull(),
    /** the pass mark in force when the attempt started */
    passMark: integer("pass_mark").notNull(),
    score: integer("score"),
    correctCount: integer("correct_count"),
    passed: boolean("passed"),
    startedAt: createdAt(),
    submittedAt: ts("submitted_at"),
    /** an instructor's reset: the attempt stays in the history but no longer counts */
    resetAt: ts("reset_at"),
    resetBy: uuid("reset_by").references(() => users.id, { onDelete: "set null" }),
    resetReason: text("reset_reason"),
  },
  (t) => [
    index("quiz_attempts_progress_idx").on(t.progressId),
    index("quiz_attempts_assignment_idx").on(t.assignmentId),
    index("quiz_attempts_user_idx").on(t.userId),
    // at most one open attempt per learner and assignment: two tabs get the same one
    uniqueIndex("quiz_attempts_one_open_uq")
      .on(t.progressId)
      .where(sql`${t.status} = 'in_progress'`),
  ],
);

/** One row per item of a submitted attempt: feeds item analysis by SQL. */
export const quizResponses = pgTable(
  "quiz_responses",
  {
    attemptId: uuid("attempt_id")
      .notNull()
      .references(() => quizAttempts.id, { onDelete: "cascade" }),
    itemId: text("item_id").notNull(),
    ideaId: text("idea_id").notNull(),
    chosenOptionIds: text("chosen_option_ids").array().notNull(),
    correct: boolean("correct").notNull(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.itemId] }), index("quiz_responses_item_idx").on(t.itemId)],
);

export const reflectionStatusEnum = pgEnum("reflection_status", ["draft", "submitted", "revision_requested", "accepted"]);

export const reflections = pgTable(
  "reflections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    progressId: uuid("progress_id")
      .notNull()
      .references(() => assignmentProgress.id),
    assignmentId: uuid("assignment_id")
      .notNull()
      .references(() => assignments.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    moduleVersionId: uuid("module_version_id")
      .notNull()
      .references(() => moduleVersions.id),
    promptId: text("prompt_id").notNull(),
    body: text("body").notNull().default(""),
    wordCount: integer("word_count").notNull().default(0),
    /** optimistic concurrency: each save must name the version it edits */
    version: integer("version").notNull().default(1),
    status: reflectionStatusEnum("status").notNull().default("draft"),
    submittedAt: ts("submitted_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("reflections_progress_prompt_uq").on(t.progressId, t.promptId),
    index("reflections_assignment_status_idx").on(t.assignmentId, t.status),
    index("reflections_user_idx").on(t.userId),
    // "awaiting review" counts without reading reflection rows (their text is wide)
    index("reflections_submitted_idx")
      .on(t.progressId)
      .where(sql`${t.status} = 'submitted'`),
    // the reminder sweep's review nudges: reflections that reached three days of waiting in the last week,
    // found without reading every waiting reflection (lib/notifications/sweep.ts)
    index("reflections_submitted_at_idx")
      .on(t.submittedAt)
      .where(sql`${t.status} = 'submitted'`),
  ],
);

export const reviewDecisionEnum = pgEnum("review_decision", ["accepted", "revision_requested"]);

export const reflectionReviews = pgTable(
  "reflection_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reflectionId: uuid("reflection_id")
      .notNull()
      .references(() => reflections.id, { onDelete: "cascade" }),
    reviewerId: uuid("reviewer_id").references(() => users.id, { onDelete: "set null" }),
    decision: reviewDecisionEnum("decision").notNull(),
    feedback: text("feedback").notNull(),
    /** rubric scores (criterion id -> 0, 1 or 2) when the module version has a rubric; null for reviews without one */
    scores: jsonb("scores").$type<Record<string, number>>(),
    createdAt: createdAt(),
  },
  (t) => [index("reflection_reviews_reflection_idx").on(t.reflectionId)],
);

// ---------------------------------------------------------------- certificates

/** Frozen at issue: later edits of names or content never change a certificate. */
export const certificates = pgTable(
  "certificates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull().unique(),
    progressId: uuid("progress_id")
      .notNull()
      .unique()
      .references(() => assignmentProgress.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    learnerName: text("learner_name").notNull(),
    moduleTitle: text("module_title").notNull(),
    moduleVersion: integer("module_version").notNull(),
    providerName: text("provider_name").notNull(),
    providerApprovalNumber: text("provider_approval_number"),
    cohortName: text("cohort_name").notNull(),
    instructorNames: text("instructor_names").notNull(),
    completedAt: ts("completed_at").notNull(),
    contactHours: numeric("contact_hours", { precision: 5, scale: 2, mode: "number" }).notNull(),
    hoursCategory: text("hours_category").notNull(),
    /** who signs it (settings at issue): a later change of signer never rewrites an issued certificate */
    signerName: text("signer_name"),
    signerTitle: text("signer_title"),
    /** the logo it was issued with (none: no logo at issue); like the signer, never rewritten by a later change */
    logoSha256: text("logo_sha256").references(() => certificateLogoVersions.sha256),
    issuedAt: createdAt(),
    revokedAt: ts("revoked_at"),
    revokedReason: text("revoked_reason"),
    revokedBy: uuid("revoked_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("certificates_user_idx").on(t.userId)],
);

// ---------------------------------------------------------------- audit

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: createdAt(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** kept so the entry still reads right after the actor is renamed or removed */
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: text("ip"),
    /** never passwords or reflection text */
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_actor_idx").on(t.actorId, t.at),
    index("audit_log_action_idx").on(t.action, t.at),
    // an account's history on the admin's user page
    index("audit_log_target_idx").on(t.targetId, t.at),
  ],
);

export type User = typeof users.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];

// ---------------------------------------------------------------- notifications

export const outboxStatusEnum = pgEnum("outbox_status", ["queued", "sending", "retrying", "sent", "failed", "dropped"]);

/**
 * Every message Cohort sends, written in the transaction of the event that
 * causes it (or by the reminder sweep) and delivered by the worker
 * (lib/notifications/worker.ts). `key` (recipient, kind, subject, period) is
 * unique, so a second sweep or a retried event adds nothing. The worker
 * claims rows with FOR UPDATE SKIP LOCKED; a claim whose lease ran out (the
 * worker died) is claimed again, so a message is never lost. Rendered text is
 * stored when it is sent: this table is also the admin's delivery log.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull(),
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** what the message is about (an assignment progress row, a cohort, a reflection …) */
    subjectId: uuid("subject_id"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    status: outboxStatusEnum("status").notNull().default("queued"),
    /** not before this moment (9 a.m. in the recipient's zone for reminders) */
    sendAfter: ts("send_after").notNull().defaultNow(),
    /** a claim's lease: past it, another worker may take the message again */
    leaseUntil: ts("lease_until"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    toAddress: text("to_address"),
    subject: text("subject"),
    textBody: text("text_body"),
    htmlBody: text("html_body"),
    messageId: text("message_id"),
    /** emailed, or only shown in the app (the person turned this kind's email off) */
    emailed: boolean("emailed"),
    createdAt: createdAt(),
    sentAt: ts("sent_at"),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("outbox_key_uq").on(t.key),
    index("outbox_due_idx")
      .on(t.sendAfter)
      .where(sql`status in ('queued', 'retrying')`),
    index("outbox_recipient_idx").on(t.recipientId, t.createdAt),
    index("outbox_created_idx").on(t.createdAt),
  ],
);

/** What the bell shows: one row per message, made when the message is delivered. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    outboxId: uuid("outbox_id").references(() => outboxMessages.id, { onDelete: "set null" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** a path inside the app */
    link: text("link"),
    readAt: ts("read_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("notifications_outbox_uq").on(t.outboxId), index("notifications_user_idx").on(t.userId, t.createdAt)],
);

/** A person's choice per kind: email off (the in-app notification always shows). No row: email on. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    email: boolean("email").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

export type OutboxMessage = typeof outboxMessages.$inferSelect;
export type Notification = typeof notifications.$inferSelect;

/**
 * A person's private iCalendar feed (/calendar/<token>.ics): one per person,
 * only the SHA-256 of the token kept. Regenerating replaces the hash (the
 * old URL dies at once), revoking deletes the row. `role` is the role it was
 * issued for: a feed whose owner's role has changed, or who is no longer
 * active, answers 404 (lib/notifications/calendar-feeds.ts).
 */
export const calendarFeeds = pgTable("calendar_feeds", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  role: roleEnum("role").notNull(),
  createdAt: createdAt(),
});
