/**
 * The shape of the scale organisation, decided before anything is written:
 * people, cohorts, assignment dates, and each learner's history (section
 * reads, attempts, reflections, reviews) with the progress counters that
 * follow from it. Attempt answers and reflection text are regenerated from
 * per-row seeds while streaming, so the plan stays small in memory.
 */
import { randomUUID } from "node:crypto";
import { effectivePassMark } from "@/lib/learning/pass-mark";
import { cohortKinds, firstNames, lastNames, regions, seasons } from "./names";
import { passingCount } from "./quiz-answers";
import { makeRng, type Rng } from "./random";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export const SCALE_EMAIL_DOMAIN = "scale.cohort";

export type PlannedUser = {
  id: string;
  email: string;
  name: string;
  role: "admin" | "instructor" | "learner";
  status: "active" | "deactivated";
  createdAt: number;
  lastSignInAt: number | null;
  /** IANA zone for reminders; null: the organisation's (America/Chicago) */
  timeZone: string | null;
};

export type PlannedAssignment = {
  id: string;
  opensAt: number;
  dueAt: number;
  passMarkOverride: number | null;
  maxAttempts: number | null;
  createdAt: number;
};

export type PlannedCohort = {
  id: string;
  name: string;
  description: string;
  status: "active" | "archived";
  createdAt: number;
  archivedAt: number | null;
  /** indexes into plan.instructors; the first created the cohort */
  instructors: number[];
  assignment: PlannedAssignment;
  firstLearner: number;
  learnerCount: number;
};

export type PlannedAttempt = {
  id: string;
  startedAt: number;
  submittedAt: number | null;
  /** right answers out of drawCount; null while the attempt is open */
  correct: number | null;
  passMark: number;
  seed: number;
};

export type PlannedReview = { id: string; decision: "accepted" | "revision_requested"; at: number; reviewer: number; seed: number };

export type PlannedReflection = {
  id: string;
  prompt: number;
  status: "draft" | "submitted" | "accepted" | "revision_requested";
  createdAt: number;
  /** the first submission: what completion counts */
  firstSubmittedAt: number | null;
  /** the latest submission (a resubmission after a revision request moves it) */
  submittedAt: number | null;
  updatedAt: number;
  version: number;
  targetWords: number;
  seed: number;
  reviews: PlannedReview[];
};

export type PlannedProgress = {
  id: string;
  /** read times of the first n sections, in order */
  sectionReads: number[];
  attempts: PlannedAttempt[];
  reflections: PlannedReflection[];
  startedAt: number | null;
  completedAt: number | null;
  quizPassedAt: number | null;
  lastActivityAt: number | null;
  bestScore: number | null;
  attemptsCount: number;
  reflectionsSubmitted: number;
};

export type PlannedLearner = {
  user: PlannedUser;
  cohort: number;
  enrolmentId: string;
  enrolmentStatus: "active" | "removed";
  source: string;
  enrolledAt: number;
  removedAt: number | null;
  progress: PlannedProgress;
};

export type ScalePlan = {
  now: number;
  admin: PlannedUser;
  instructors: PlannedUser[];
  cohorts: PlannedCohort[];
  learners: PlannedLearner[];
};

export type ModuleShape = { sections: number; prompts: number; drawCount: number; passMark: number };

export const INSTRUCTOR_COUNT = 60;
const BIG_COHORT = 500;
const TYPICAL_COHORT = 25;

function personName(rng: Rng) {
  return { first: rng.pick(firstNames), last: rng.pick(lastNames) };
}

function emailOf(first: string, last: string, n: number) {
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z]/g, "");
  return `${clean(first)}.${clean(last)}.${n}@${SCALE_EMAIL_DOMAIN}`;
}

/** Cohort sizes around 25 (18–32) that add up to `total`. */
function cohortSizes(total: number, rng: Rng): number[] {
  const count = Math.max(1, Math.round(total / TYPICAL_COHORT));
  const sizes = Array.from({ length: count }, (_, i) => Math.floor(total / count) + (i < total % count ? 1 : 0));
  for (let i = 0; i + 1 < count; i += 2) {
    const d = rng.int(0, Math.min(7, sizes[i + 1] - 1));
    sizes[i] += d;
    sizes[i + 1] -= d;
  }
  return sizes;
}

/** How long before the seed's "now" the admin account was made: the seed's clock, read back by the benchmark. */
export const ADMIN_AGE_DAYS = 600;

/**
 * Learners' zones, so the reminder sweep sees 9 a.m. at different instants:
 * half keep the organisation's (null), the rest spread over US zones. By
 * position, not drawn, so the rest of the plan keeps its random sequence.
 */
const learnerZones = [
  null,
  null,
  null,
  null,
  null,
  "America/New_York",
  "America/New_York",
  "America/Denver",
  "America/Los_Angeles",
  "Pacific/Honolulu",
];
export const learnerTimeZone = (n: number) => learnerZones[n % learnerZones.length];

/**
 * When a cohort's assignment opens: most in the past year and a half, some running now, a few upcoming, and 1 % in
 * the next hour (the reminder sweep's "opens today").
 */
function opensAtFor(now: number, rng: Rng) {
  const r = rng.next();
  if (r < 0.01) return now + rng.int(5, 60) * MIN;
  if (r < 0.12) return now - rng.int(1, 40) * DAY - rng.int(0, 23) * HOUR;
  if (r < 0.15) return now + rng.int(1, 21) * DAY;
  return now - rng.int(41, 540) * DAY - rng.int(0, 23) * HOUR;
}

export function planScaleOrganisation(opts: { learners: number; now: number; seed: number; module: ModuleShape }): ScalePlan {
  const { now, module } = opts;
  const rng = makeRng(opts.seed);
  const learnerTotal = Math.max(1, Math.floor(opts.learners));

  const admin: PlannedUser = {
    id: randomUUID(),
    email: `admin@${SCALE_EMAIL_DOMAIN}`,
    name: "Morgan Ellis",
    role: "admin",
    status: "active",
    createdAt: now - ADMIN_AGE_DAYS * DAY,
    lastSignInAt: now - 2 * HOUR,
    timeZone: null,
  };
  const instructors: PlannedUser[] = Array.from({ length: INSTRUCTOR_COUNT }, (_, i) => {
    const { first, last } = personName(rng);
    return {
      id: randomUUID(),
      email: `instructor${String(i + 1).padStart(2, "0")}@${SCALE_EMAIL_DOMAIN}`,
      name: `${first} ${last}`,
      role: "instructor",
      status: "active",
      createdAt: now - rng.int(300, 600) * DAY,
      lastSignInAt: now - rng.int(1, 200) * HOUR,
      timeZone: i % 4 === 3 ? "America/New_York" : null,
    };
  });

  // one cohort of 500 (the cohort-page benchmark), the rest around 25
  const bigSize = Math.min(BIG_COHORT, Math.max(1, Math.floor(learnerTotal / 5)));
  const sizes = [bigSize, ...(learnerTotal > bigSize ? cohortSizes(learnerTotal - bigSize, rng) : [])];

  const cohorts: PlannedCohort[] = [];
  let first = 0;
  sizes.forEach((size, i) => {
    const big = i === 0;
    const opensAt = big ? now - 40 * DAY : opensAtFor(now, rng);
    const dueAt = big ? now + 4 * DAY : opensAt + rng.int(21, 56) * DAY;
    const createdAt = opensAt - rng.int(7, 30) * DAY;
    const archived = !big && dueAt < now - 180 * DAY && rng.chance(0.3);
    const lead = big ? 0 : i % INSTRUCTOR_COUNT;
    const team = !big && rng.chance(0.2) ? [lead, (lead + rng.int(1, INSTRUCTOR_COUNT - 1)) % INSTRUCTOR_COUNT] : [lead];
    const year = new Date(opensAt).getUTCFullYear();
    const season = seasons[Math.floor(new Date(opensAt).getUTCMonth() / 3)];
    const kind = big ? "Statewide CRSS Intake" : rng.pick(cohortKinds);
    const region = big ? "All regions" : rng.pick(regions);
    cohorts.push({
      id: randomUUID(),
      name: big ? `${kind} — ${season} ${year}` : `${region} ${kind} — ${season} ${year}, group ${i}`,
      description: big
        ? "Everyone starting peer support work this quarter, across every county office."
        : `${kind} for new peer support staff in ${region} County.`,
      status: archived ? "archived" : "active",
      createdAt,
      archivedAt: archived ? dueAt + rng.int(30, 90) * DAY : null,
      instructors: team,
      assignment: {
        id: randomUUID(),
        opensAt,
        dueAt,
        passMarkOverride: !big && rng.chance(0.08) ? rng.pick([70, 90]) : null,
        maxAttempts: !big && rng.chance(0.08) ? 3 : null,
        createdAt: createdAt + rng.int(0, 3) * DAY,
      },
      firstLearner: first,
      learnerCount: size,
    });
    first += size;
  });

  const learners: PlannedLearner[] = [];
  const sources = ["invite", "invite", "email", "csv"];
  for (let c = 0; c < cohorts.length; c++) {
    const cohort = cohorts[c];
    const a = cohort.assignment;
    for (let k = 0; k < cohort.learnerCount; k++) {
      const n = cohort.firstLearner + k;
      const { first: fn, last: ln } = personName(rng);
      const enrolledAt = Math.min(now - HOUR, cohort.createdAt + rng.next() * (a.opensAt + 3 * DAY - cohort.createdAt));
      const removed = c !== 0 && rng.chance(0.02);
      const removedAt = removed ? enrolledAt + rng.next() * (now - enrolledAt) : null;
      const progress = removed
        ? emptyProgress()
        : planProgress(rng, { ...a, passMark: effectivePassMark(a, module) }, enrolledAt, now, module, cohort.instructors);
      learners.push({
        user: {
          id: randomUUID(),
          email: emailOf(fn, ln, n + 1),
          name: `${fn} ${ln}`,
          role: "learner",
          status: c !== 0 && rng.chance(0.005) ? "deactivated" : "active",
          createdAt: enrolledAt - rng.int(0, 48) * HOUR,
          lastSignInAt: progress.lastActivityAt,
          timeZone: learnerTimeZone(n),
        },
        cohort: c,
        enrolmentId: randomUUID(),
        enrolmentStatus: removed ? "removed" : "active",
        source: rng.pick(sources),
        enrolledAt,
        removedAt,
        progress,
      });
    }
  }
  return { now, admin, instructors, cohorts, learners };
}

function emptyProgress(): PlannedProgress {
  return {
    id: randomUUID(),
    sectionReads: [],
    attempts: [],
    reflections: [],
    startedAt: null,
    completedAt: null,
    quizPassedAt: null,
    lastActivityAt: null,
    bestScore: null,
    attemptsCount: 0,
    reflectionsSubmitted: 0,
  };
}

type Outcome = "not_started" | "in_progress" | "complete" | "complete_late" | "overdue_started" | "overdue_idle";

/**
 * n quiz sittings [started, submitted] of 4–25 minutes each, in order and not
 * overlapping, spread over [a, b]; with `endAtB` the last one is submitted at b.
 */
function sessions(rng: Rng, n: number, a: number, b: number, endAtB = false): [number, number][] {
  if (n === 0) return [];
  let durations = Array.from({ length: n }, () => rng.int(4, 25) * MIN);
  const total = durations.reduce((x, y) => x + y, 0);
  const room = Math.max(0, b - a);
  if (total > room * 0.8) durations = durations.map((d) => (d * room * 0.8) / total);
  const free = room - durations.reduce((x, y) => x + y, 0);
  const gaps = Array.from({ length: n + 1 }, (_, i) => (endAtB && i === n ? 0 : rng.next()));
  const gapSum = gaps.reduce((x, y) => x + y, 0) || 1;
  const out: [number, number][] = [];
  let t = a;
  for (let i = 0; i < n; i++) {
    t += (gaps[i] / gapSum) * free;
    out.push([t, t + durations[i]]);
    t += durations[i];
  }
  return out;
}

/** n sorted times in [a, b]. */
function timesBetween(rng: Rng, n: number, a: number, b: number) {
  return Array.from({ length: n }, () => a + rng.next() * Math.max(0, b - a)).sort((x, y) => x - y);
}

/**
 * One learner's history on an assignment. The outcome is chosen first (so
 * every status is well represented), then events are placed in time to
 * match it, then the counters are derived from the events.
 */
function planProgress(
  rng: Rng,
  a: PlannedAssignment & { passMark: number },
  enrolledAt: number,
  now: number,
  module: ModuleShape,
  instructors: number[],
): PlannedProgress {
  const p = emptyProgress();
  const from = Math.max(a.opensAt, enrolledAt);
  if (from >= now - HOUR) return p;
  const outcomes: Outcome[] =
    a.dueAt > now ? ["not_started", "in_progress", "complete"] : ["complete", "complete_late", "overdue_started", "overdue_idle"];
  const weights = a.dueAt > now ? [0.2, 0.42, 0.38] : [0.6, 0.12, 0.13, 0.15];
  let outcome = outcomes[rng.weighted(weights)];
  if (outcome === "not_started" || outcome === "overdue_idle") return p;

  // the window the learner's work happens in
  let end: number;
  if (outcome === "complete") end = Math.min(a.dueAt, now) - rng.next() * Math.min(3 * DAY, (Math.min(a.dueAt, now) - from) / 2);
  else if (outcome === "complete_late") end = a.dueAt + (1 + rng.next() * 29) * DAY;
  else if (outcome === "overdue_started") end = Math.min(a.dueAt, now) - rng.next() * 2 * DAY;
  else end = now - rng.next() * 2 * DAY;
  end = Math.min(end, now - 10 * MIN);
  if (end - from < 6 * HOUR) {
    // too little time since it opened for a whole history: a little progress, or none
    if (outcome === "complete_late" || now - from < 2 * HOUR) return p;
    outcome = outcome === "complete" ? "in_progress" : outcome;
    end = now - 10 * MIN;
  }
  const start = from + rng.next() * (end - from) * 0.5;
  const completes = outcome === "complete" || outcome === "complete_late";
  const threshold = passingCount(module.drawCount, a.passMark);

  // section reads: all of them for completers, some for the rest
  const reads = completes ? module.sections : rng.int(1, module.sections);
  const readEnd = start + (end - start) * 0.3;
  p.sectionReads = [start, ...timesBetween(rng, reads - 1, start + MIN, readEnd)];

  const mayAttempt = (n: number) => a.maxAttempts === null || n < a.maxAttempts;
  const failing = () => rng.int(Math.max(0, threshold - 4), threshold - 1);
  const passing = () => rng.int(threshold, module.drawCount);
  const attempts = (scores: (number | null)[], from: number, to: number, lastSubmitAtTo = false) => {
    for (const [i, [s, e]] of sessions(rng, scores.length, from, to, lastSubmitAtTo).entries()) {
      p.attempts.push({
        id: randomUUID(),
        startedAt: s,
        submittedAt: scores[i] === null ? null : e,
        correct: scores[i],
        passMark: a.passMark,
        seed: rng.int(0, 2 ** 31),
      });
    }
  };

  if (completes) {
    // the completing event is at `end`: either the passing attempt or the last reflection
    const quizLast = rng.chance(0.5);
    const failures = Math.min(rng.weighted([55, 28, 12, 5]), a.maxAttempts === null ? 3 : a.maxAttempts - 1);
    const scores = [...Array.from({ length: failures }, failing), passing()];
    const quizEnd = quizLast ? end : readEnd + (0.3 + 0.6 * rng.next()) * (end - readEnd);
    attempts(scores, readEnd, quizEnd, quizLast);
    const lastReflectionAt = quizLast ? readEnd + (0.2 + 0.7 * rng.next()) * (end - readEnd) : end;
    const submits = [...timesBetween(rng, module.prompts - 1, readEnd, lastReflectionAt - MIN), lastReflectionAt];
    rng.shuffle(Array.from({ length: module.prompts }, (_, i) => i)).forEach((prompt, i) => {
      p.reflections.push(submittedReflection(rng, prompt, submits[i], readEnd, now, instructors));
    });
    // a few try again after passing, to raise their score
    if (rng.chance(0.05) && mayAttempt(p.attempts.length) && now - end > DAY) {
      attempts([passing()], end + HOUR, end + Math.min(7 * DAY, now - end - HOUR));
    }
  } else {
    // not complete: either the quiz is not passed yet, or a reflection is missing
    const quizMissing = rng.chance(0.6);
    const tries = quizMissing ? rng.weighted([35, 35, 20, 10]) : rng.int(1, 2);
    const n = a.maxAttempts === null ? tries : Math.min(tries, a.maxAttempts);
    const scores: (number | null)[] = Array.from({ length: n }, (_, i) => (quizMissing || i < n - 1 ? failing() : passing()));
    if (mayAttempt(n) && rng.chance(0.12)) scores.push(null); // an attempt left open
    attempts(scores, readEnd, end);
    const submitted = quizMissing ? rng.int(0, module.prompts) : rng.int(0, module.prompts - 1);
    const drafts = rng.int(0, module.prompts - submitted);
    const prompts = rng.shuffle(Array.from({ length: module.prompts }, (_, i) => i));
    timesBetween(rng, submitted, readEnd, end).forEach((t, i) => {
      p.reflections.push(submittedReflection(rng, prompts[i], t, readEnd, now, instructors));
    });
    for (let i = submitted; i < submitted + drafts; i++) {
      const created = readEnd + rng.next() * (end - readEnd);
      p.reflections.push({
        id: randomUUID(),
        prompt: prompts[i],
        status: "draft",
        createdAt: created,
        firstSubmittedAt: null,
        submittedAt: null,
        updatedAt: created + rng.next() * (end - created),
        version: rng.int(1, 6),
        targetWords: rng.int(15, 140),
        seed: rng.int(0, 2 ** 31),
        reviews: [],
      });
    }
  }
  return withCounters(p, module);
}

/**
 * A reflection first submitted at `at`, then possibly reviewed (accepted or
 * sent back), resubmitted and reviewed again — never later than now.
 */
function submittedReflection(
  rng: Rng,
  prompt: number,
  at: number,
  earliest: number,
  now: number,
  instructors: number[],
): PlannedReflection {
  const r: PlannedReflection = {
    id: randomUUID(),
    prompt,
    status: "submitted",
    createdAt: earliest + rng.next() * (at - earliest),
    firstSubmittedAt: at,
    submittedAt: at,
    updatedAt: at,
    version: rng.int(2, 8),
    targetWords: Math.round(75 + 175 * ((rng.next() + rng.next()) / 2)),
    seed: rng.int(0, 2 ** 31),
    reviews: [],
  };
  const review = (decision: PlannedReview["decision"], after: number): number | null => {
    const t = after + HOUR + rng.next() * 4 * DAY;
    if (t > now) return null;
    r.reviews.push({ id: randomUUID(), decision, at: t, reviewer: rng.pick(instructors), seed: rng.int(0, 2 ** 31) });
    r.status = decision;
    r.updatedAt = t;
    return t;
  };
  const path = rng.weighted([25, 45, 10, 12, 8]);
  if (path === 0) return r;
  if (path === 1) {
    review("accepted", at);
    return r;
  }
  const sentBack = review("revision_requested", at);
  if (sentBack === null || path === 3) return r;
  const again = sentBack + HOUR + rng.next() * 3 * DAY;
  if (again > now) return r;
  r.submittedAt = again;
  r.updatedAt = again;
  r.status = "submitted";
  r.version += rng.int(1, 3);
  if (path === 2) review("accepted", again);
  return r;
}

/** The counters of a progress row, derived from its events exactly as the app keeps them. */
function withCounters(p: PlannedProgress, module: ModuleShape): PlannedProgress {
  const scored = p.attempts.filter((t) => t.correct !== null);
  const scoreOf = (t: PlannedAttempt) => Math.round((100 * t.correct!) / module.drawCount);
  const passes = scored.filter((t) => scoreOf(t) >= t.passMark).map((t) => t.submittedAt!);
  p.attemptsCount = scored.length;
  p.bestScore = scored.length ? Math.max(...scored.map(scoreOf)) : null;
  p.quizPassedAt = passes.length ? Math.min(...passes) : null;
  p.reflectionsSubmitted = p.reflections.filter((r) => r.submittedAt !== null).length;
  const events = [
    ...p.sectionReads,
    ...p.attempts.flatMap((t) => (t.submittedAt === null ? [t.startedAt] : [t.startedAt, t.submittedAt])),
    ...p.reflections.flatMap((r) => [r.createdAt, r.submittedAt ?? r.updatedAt]),
  ];
  p.startedAt = events.length ? Math.min(...events) : null;
  p.lastActivityAt = events.length ? Math.max(...events) : null;
  if (p.quizPassedAt !== null && p.reflectionsSubmitted === module.prompts) {
    // complete at the later of passing and the first submission of the last reflection
    p.completedAt = Math.max(p.quizPassedAt, ...p.reflections.map((r) => r.firstSubmittedAt!));
  }
  return p;
}
