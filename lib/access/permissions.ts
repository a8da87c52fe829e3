/**
 * The permission matrix of PRODUCT.md, role level. Scope ("which cohorts")
 * is answered by lib/access/scope.ts; both are checked on the server by every
 * page, route handler and action.
 */
import { roleEnum, type Role } from "@/db/schema";

/** The roles, as the database's enum declares them (the one source of the list). */
export type { Role };
export const roles = roleEnum.enumValues;

export const permissions = {
  /**
   * Workspaces: each role has its own area of pages (/admin, /instructor,
   * /learn). Another role's area answers 404, even where the matrix below
   * would let that role see the same data through its own area.
   */
  "workspace.admin": ["admin"],
  "workspace.instructor": ["instructor"],
  "workspace.learner": ["learner"],
  /** one's own account page, password, data export, sign-out everywhere */
  "account.own": ["admin", "instructor", "learner"],
  "users.manage": ["admin"],
  "cohort.create": ["admin", "instructor"],
  /** edit/archive, enrol/remove, assign: further limited to cohorts taught (scope.ts) */
  "cohort.manage": ["admin", "instructor"],
  "cohort.progress": ["admin", "instructor"],
  /** reading reflection text: instructors of the cohort and the learner only, never admins */
  "reflection.read": ["instructor", "learner"],
  "reflection.review": ["instructor"],
  "quiz.take": ["learner"],
  "reflection.write": ["learner"],
  "reports.organisation": ["admin"],
  "audit.read": ["admin"],
  "settings.manage": ["admin"],
  "certificate.revoke": ["admin"],
  /** a certificate or training record: learners their own, instructors their cohorts' learners (scope in lib/access) */
  "certificate.download": ["admin", "instructor", "learner"],
  /** one's own calendar feed of due dates: learners their assignments, instructors their cohorts' (admins have none) */
  "calendar.feed": ["instructor", "learner"],
  /** "Send a reminder now" to learners of a cohort taught (scope in lib/notifications/manual-reminders.ts) */
  "reminder.send": ["instructor"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}

export const homeFor: Record<Role, string> = {
  admin: "/admin",
  instructor: "/instructor",
  learner: "/learn",
};
