import { sql } from "drizzle-orm";
import { execRows, type Db } from "@/db/client";
import { hashPassword } from "@/lib/accounts/password";
import { newVerificationCode } from "@/lib/certificates/issue";
import type { ModuleContent } from "@/lib/learning/module/content-schema";
import { getModuleVersion, publishBuiltInModules } from "@/lib/learning/module/publish";
import { bulkClientOf, deferIndexesAndChecks, inBulkTransaction, json, row } from "./bulk";
import { planScaleOrganisation, SCALE_EMAIL_DOMAIN, type PlannedAttempt, type ScalePlan } from "./plan";
import { answerDraw, drawItems, scoreOf } from "./quiz-answers";
import { makeRng } from "./random";
import { reflectionAnswer, reviewFeedback } from "./reflection-text";

/**
 * The scale dataset: a whole organisation (about 4,000 cohorts of 25, one of
 * 500, 60 instructors, an admin) with learners at every status, loaded with
 * COPY in one transaction. Every user is marked is_seed and shares one
 * password. Runs only on a database without real users.
 */
export const SCALE_PASSWORD = "cohort-scale-2026";

export class SeedRefusedError extends Error {}

export type SeedScaleResult = { status: "seeded"; rows: Record<string, number>; seconds: number } | { status: "exists"; learners: number };

// every table the seed fills; --reset empties them (all their rows belong to seed users)
const seededTables = [
  "audit_log",
  "certificates",
  "reflection_reviews",
  "reflections",
  "quiz_responses",
  "quiz_attempts",
  "section_reads",
  "assignment_progress",
  "assignments",
  "cohort_invites",
  "enrolments",
  "cohort_instructors",
  "cohorts",
  "account_tokens",
  "auth_sessions",
  "throttles",
  "users",
];

const d = (ms: number | null) => (ms === null ? null : new Date(ms));

export async function seedScale(opts: {
  db: Db;
  kind: "postgres" | "pglite";
  learners: number;
  reset?: boolean;
  seed?: number;
  now?: Date;
  log?: (line: string) => void;
}): Promise<SeedScaleResult> {
  const log = opts.log ?? (() => {});
  const began = performance.now();
  const { db } = opts;

  const [{ n: realUsers }] = await execRows<{ n: number }>(db, sql`select count(*)::int as n from users where not is_seed`);
  if (realUsers > 0) {
    throw new SeedRefusedError(
      `Refusing to seed: this database has ${realUsers} real (non-seed) user${realUsers === 1 ? "" : "s"}; the scale seed only runs on an empty or seed-only database.`,
    );
  }
  const existing = await scaleLearnerCount(db);
  if (existing > 0 && !opts.reset) return { status: "exists", learners: existing };

  const published = await publishBuiltInModules(db);
  const version = (await getModuleVersion(published.versionId, db))!;
  const content = version.content;
  await db.execute(sql`insert into org_settings (id) values (1) on conflict (id) do nothing`);
  const [settings] = await execRows<{ organisation_name: string; provider_approval_number: string | null }>(
    db,
    sql`select organisation_name, provider_approval_number from org_settings where id = 1`,
  );
  const passwordHash = await hashPassword(SCALE_PASSWORD);

  let t = performance.now();
  const plan = planScaleOrganisation({
    learners: opts.learners,
    now: (opts.now ?? new Date()).getTime(),
    seed: opts.seed ?? 20260,
    module: {
      sections: content.sections.length,
      prompts: content.reflections.length,
      drawCount: content.drawCount,
      passMark: version.passMark,
    },
  });
  log(`planned ${plan.learners.length.toLocaleString("en")} learners in ${plan.cohorts.length.toLocaleString("en")} cohorts (${secs(t)})`);

  const rows: Record<string, number> = {};
  await inBulkTransaction(bulkClientOf(db, opts.kind), async (s) => {
    // two seeds at once would both pass the "exists" check
    await s.query("select pg_advisory_xact_lock(7007)");
    if (opts.reset) {
      await s.query(`truncate table ${seededTables.join(", ")} restart identity`);
      log("reset: emptied the seeded tables");
    } else if ((await s.query<{ n: number }>(`select count(*)::int as n from users where email like '%@${SCALE_EMAIL_DOMAIN}'`))[0].n > 0) {
      return;
    }
    const ctx: Ctx = {
      plan,
      content,
      passwordHash,
      moduleId: published.moduleId,
      versionId: version.id,
      version: { title: version.title, number: version.version, contactHours: version.contactHours, hoursCategory: version.hoursCategory },
      providerName: settings?.organisation_name ?? "Cohort Training Program",
      providerApprovalNumber: settings?.provider_approval_number ?? null,
    };
    await s.query("set local maintenance_work_mem = '256MB'");
    for (const [table, columns, lines] of tableStreams(ctx)) {
      t = performance.now();
      const restore = await deferIndexesAndChecks(s, table);
      rows[table] = await s.copy(table, columns, lines);
      const loaded = secs(t);
      t = performance.now();
      await restore();
      log(`${table.padEnd(20, " ")} ${rows[table].toLocaleString("en").padStart(10, " ")} rows  ${loaded} + indexes and checks ${secs(t)}`);
    }
  });
  if (Object.keys(rows).length === 0) return { status: "exists", learners: await scaleLearnerCount(db) };

  t = performance.now();
  await db.execute(sql`analyze`);
  log(`analyze ${secs(t)}`);
  return { status: "seeded", rows, seconds: (performance.now() - began) / 1000 };
}

async function scaleLearnerCount(db: Db) {
  const [{ n }] = await execRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from users where role = 'learner' and email like ${`%@${SCALE_EMAIL_DOMAIN}`}`,
  );
  return n;
}

function secs(since: number) {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

type Ctx = {
  plan: ScalePlan;
  content: ModuleContent;
  passwordHash: string;
  moduleId: string;
  versionId: string;
  version: { title: string; number: number; contactHours: number; hoursCategory: string };
  providerName: string;
  providerApprovalNumber: string | null;
};

/** An attempt's draw and answers, regenerated from its seed (the same on every call). */
function attemptDetail(content: ModuleContent, a: PlannedAttempt) {
  const rng = makeRng(a.seed);
  const draw = drawItems(content, rng);
  const responses = a.correct === null ? [] : answerDraw(content, draw, rng, a.correct);
  return { draw, responses };
}

type TableStream = [table: string, columns: string[], lines: Iterable<string>];

/** Each table's COPY lines, in foreign-key order. */
function tableStreams(ctx: Ctx): TableStream[] {
  const { plan, content } = ctx;
  const staff = [plan.admin, ...plan.instructors];
  const progressOf = plan.learners.map((l) => l.progress);
  const at = (c: number) => plan.cohorts[c];

  return [
    [
      "users",
      ["id", "email", "name", "password_hash", "role", "status", "is_seed", "last_sign_in_at", "created_at", "updated_at", "time_zone"],
      (function* () {
        for (const u of [...staff, ...plan.learners.map((l) => l.user)]) {
          yield row(
            u.id,
            u.email,
            u.name,
            ctx.passwordHash,
            u.role,
            u.status,
            true,
            d(u.lastSignInAt),
            d(u.createdAt),
            d(u.lastSignInAt ?? u.createdAt),
            u.timeZone,
          );
        }
      })(),
    ],
    [
      "cohorts",
      ["id", "name", "description", "status", "created_by", "archived_at", "created_at", "updated_at"],
      (function* () {
        for (const c of plan.cohorts) {
          yield row(
            c.id,
            c.name,
            c.description,
            c.status,
            plan.instructors[c.instructors[0]].id,
            d(c.archivedAt),
            d(c.createdAt),
            d(c.archivedAt ?? c.createdAt),
          );
        }
      })(),
    ],
    [
      "cohort_instructors",
      ["cohort_id", "user_id", "created_at"],
      (function* () {
        for (const c of plan.cohorts) for (const i of c.instructors) yield row(c.id, plan.instructors[i].id, d(c.createdAt));
      })(),
    ],
    [
      "enrolments",
      ["id", "cohort_id", "user_id", "status", "source", "created_at", "removed_at"],
      (function* () {
        for (const l of plan.learners)
          yield row(l.enrolmentId, at(l.cohort).id, l.user.id, l.enrolmentStatus, l.source, d(l.enrolledAt), d(l.removedAt));
      })(),
    ],
    [
      "assignments",
      [
        "id",
        "cohort_id",
        "module_id",
        "opens_at",
        "due_at",
        "pass_mark_override",
        "max_attempts",
        // the plan completes on submission (its reviews come after), so credit does not wait for acceptance
        "reflections_must_be_accepted",
        "created_by",
        "created_at",
        "updated_at",
      ],
      (function* () {
        for (const c of plan.cohorts) {
          const a = c.assignment;
          yield row(
            a.id,
            c.id,
            ctx.moduleId,
            d(a.opensAt),
            d(a.dueAt),
            a.passMarkOverride,
            a.maxAttempts,
            false,
            plan.instructors[c.instructors[0]].id,
            d(a.createdAt),
            d(a.createdAt),
          );
        }
      })(),
    ],
    [
      "assignment_progress",
      [
        "id",
        "assignment_id",
        "user_id",
        "cohort_id",
        "module_version_id",
        "sections_read",
        "attempts_count",
        "best_score",
        "quiz_passed_at",
        "reflections_submitted",
        "started_at",
        "completed_at",
        "last_activity_at",
      ],
      (function* () {
        for (const l of plan.learners) {
          const p = l.progress;
          const c = at(l.cohort);
          yield row(
            p.id,
            c.assignment.id,
            l.user.id,
            c.id,
            p.startedAt === null ? null : ctx.versionId,
            p.sectionReads.length,
            p.attemptsCount,
            p.bestScore,
            d(p.quizPassedAt),
            p.reflectionsSubmitted,
            d(p.startedAt),
            d(p.completedAt),
            d(p.lastActivityAt),
          );
        }
      })(),
    ],
    [
      "section_reads",
      ["progress_id", "section_id", "created_at"],
      (function* () {
        for (const p of progressOf) for (const [i, t] of p.sectionReads.entries()) yield row(p.id, content.sections[i].id, d(t));
      })(),
    ],
    [
      "quiz_attempts",
      [
        "id",
        "progress_id",
        "assignment_id",
        "user_id",
        "module_version_id",
        "status",
        "draw",
        "pass_mark",
        "score",
        "correct_count",
        "passed",
        "created_at",
        "submitted_at",
      ],
      (function* () {
        for (const l of plan.learners) {
          for (const a of l.progress.attempts) {
            const { draw, responses } = attemptDetail(content, a);
            const open = a.correct === null;
            const correct = responses.filter((r) => r.correct).length;
            if (!open && correct !== a.correct) throw new Error("scale seed: generated answers do not match the planned score");
            const score = open ? null : scoreOf(responses);
            yield row(
              a.id,
              l.progress.id,
              at(l.cohort).assignment.id,
              l.user.id,
              ctx.versionId,
              open ? "in_progress" : "submitted",
              json(draw),
              a.passMark,
              score,
              open ? null : correct,
              open ? null : score! >= a.passMark,
              d(a.startedAt),
              d(a.submittedAt),
            );
          }
        }
      })(),
    ],
    [
      "quiz_responses",
      ["attempt_id", "item_id", "idea_id", "chosen_option_ids", "correct"],
      (function* () {
        for (const p of progressOf) {
          for (const a of p.attempts) {
            if (a.correct === null) continue;
            for (const r of attemptDetail(content, a).responses) yield row(a.id, r.itemId, r.ideaId, r.chosenOptionIds, r.correct);
          }
        }
      })(),
    ],
    [
      "reflections",
      [
        "id",
        "progress_id",
        "assignment_id",
        "user_id",
        "module_version_id",
        "prompt_id",
        "body",
        "word_count",
        "version",
        "status",
        "submitted_at",
        "created_at",
        "updated_at",
      ],
      (function* () {
        for (const l of plan.learners) {
          for (const r of l.progress.reflections) {
            const promptId = content.reflections[r.prompt].id;
            const body = reflectionAnswer(promptId, r.targetWords, makeRng(r.seed));
            yield row(
              r.id,
              l.progress.id,
              at(l.cohort).assignment.id,
              l.user.id,
              ctx.versionId,
              promptId,
              body.text,
              body.words,
              r.version,
              r.status,
              d(r.submittedAt),
              d(r.createdAt),
              d(r.updatedAt),
            );
          }
        }
      })(),
    ],
    [
      "reflection_reviews",
      ["id", "reflection_id", "reviewer_id", "decision", "feedback", "created_at"],
      (function* () {
        for (const p of progressOf) {
          for (const r of p.reflections) {
            for (const v of r.reviews)
              yield row(v.id, r.id, plan.instructors[v.reviewer].id, v.decision, reviewFeedback(v.decision, makeRng(v.seed)), d(v.at));
          }
        }
      })(),
    ],
    [
      "certificates",
      [
        "code",
        "progress_id",
        "user_id",
        "learner_name",
        "module_title",
        "module_version",
        "provider_name",
        "provider_approval_number",
        "cohort_name",
        "instructor_names",
        "completed_at",
        "contact_hours",
        "hours_category",
        "created_at",
      ],
      (function* () {
        const teamNames = plan.cohorts.map((c) =>
          c.instructors
            .map((i) => plan.instructors[i].name)
            .sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
            .join(", "),
        );
        for (const l of plan.learners) {
          const p = l.progress;
          if (p.completedAt === null) continue;
          yield row(
            newVerificationCode(),
            p.id,
            l.user.id,
            l.user.name,
            ctx.version.title,
            ctx.version.number,
            ctx.providerName,
            ctx.providerApprovalNumber,
            at(l.cohort).name,
            teamNames[l.cohort],
            d(p.completedAt),
            ctx.version.contactHours,
            ctx.version.hoursCategory,
            d(p.completedAt),
          );
        }
      })(),
    ],
  ];
}
