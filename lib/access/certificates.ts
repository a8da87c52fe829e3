import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assignmentProgress, certificates, cohorts, enrolments, users } from "@/db/schema";
import { cohortScopeSql, isUuid, mayActOnCohort, teachesSql } from "@/lib/access/scope";
import type { CurrentUser } from "@/lib/accounts/sessions";
import { notFound } from "@/lib/platform/errors";
import type { Certificate } from "../certificates/issue";

type Viewer = Pick<CurrentUser, "id" | "role">;

export type ViewableCertificate = Certificate & { cohortId: string };

/**
 * A certificate this user may open, or null (the caller answers 404).
 * Learners: their own. Instructors: those of learners in cohorts they teach,
 * judged by the cohort of the certificate's progress row. Admins: any.
 * Staff scope is the cohort progress permission (lib/access/scope.ts): a
 * certificate is the outcome of a progress row they may already see.
 */
export async function getViewableCertificate({
  viewer,
  certificateId,
}: {
  viewer: Viewer;
  certificateId: string;
}): Promise<ViewableCertificate | null> {
  if (!isUuid(certificateId)) return null;
  const [row] = await getDb()
    .select({ cert: certificates, cohortId: assignmentProgress.cohortId })
    .from(certificates)
    .innerJoin(assignmentProgress, eq(assignmentProgress.id, certificates.progressId))
    .where(eq(certificates.id, certificateId))
    .limit(1);
  if (!row) return null;
  const allowed = viewer.role === "learner" ? row.cert.userId === viewer.id : await mayActOnCohort(viewer, row.cohortId, "cohort.progress");
  return allowed ? { ...row.cert, cohortId: row.cohortId } : null;
}

/**
 * The learner whose training record a staff member may open, and which part
 * of it, or null. Admins: any learner, all of it (`cohortIds` null).
 * Instructors: learners enrolled (active or removed) in a cohort they teach,
 * and only what came from those cohorts — never the learner's other cohorts,
 * certificates or codes. Learners reach only their own, through /learn/record.
 */
export async function getRecordLearnerForStaff({
  viewer,
  learnerId,
}: {
  viewer: Viewer;
  learnerId: string;
}): Promise<{ id: string; name: string; email: string; cohortIds: string[] | null } | null> {
  if (!isUuid(learnerId) || viewer.role === "learner") return null;
  const db = getDb();
  const [learner] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, learnerId), eq(users.role, "learner")))
    .limit(1);
  if (!learner) return null;
  if (viewer.role === "admin") return { ...learner, cohortIds: null };
  const taught = await db
    .select({ cohortId: enrolments.cohortId })
    .from(enrolments)
    .where(and(eq(enrolments.userId, learnerId), teachesSql(viewer.id, enrolments.cohortId)));
  return taught.length ? { ...learner, cohortIds: taught.map((t) => t.cohortId) } : null;
}

/** Which cohorts' certificates this staff member may open (null: all of them). */
export async function certificateCohortScope({ viewer }: { viewer: Viewer }): Promise<Set<string> | null> {
  if (viewer.role === "admin") return null;
  const rows = await getDb()
    .select({ id: cohorts.id })
    .from(cohorts)
    .where(cohortScopeSql(viewer, cohorts.id, "cohort.progress"));
  return new Set(rows.map((r) => r.id));
}

/** getViewableCertificate for the edge: a certificate this user may not open is not_found, like a missing one. */
export async function requireViewableCertificate(args: { viewer: Viewer; certificateId: string }): Promise<ViewableCertificate> {
  const cert = await getViewableCertificate(args);
  if (!cert) throw notFound();
  return cert;
}

/** getRecordLearnerForStaff for the edge: a learner outside the viewer's scope is not_found, like a missing one. */
export async function requireRecordLearnerForStaff(args: { viewer: Viewer; learnerId: string }) {
  const learner = await getRecordLearnerForStaff(args);
  if (!learner) throw notFound();
  return learner;
}
