/**
 * Every kind of message Cohort sends, in one place: who gets it, what the
 * preferences page calls it, and whether its email can be turned off. A
 * revision request and a certificate always email: they change what the
 * person must do or can show (issue 14: "unsubscribing one kind never
 * silences a revision request or a certificate").
 */
export const notificationKinds = {
  assigned: { audience: "learner", label: "A new assignment", optional: true },
  opens_today: { audience: "learner", label: "An assignment opens today", optional: true },
  due_soon: { audience: "learner", label: "Due in 3 days and not complete", optional: true },
  overdue: { audience: "learner", label: "Overdue (once, then weekly, at most 3 times)", optional: true },
  manual_reminder: { audience: "learner", label: "A reminder from your instructor", optional: true },
  revision_requested: { audience: "learner", label: "Your instructor asked for a revision", optional: false },
  reflections_accepted: { audience: "learner", label: "Your reflections were accepted", optional: true },
  certificate_issued: { audience: "learner", label: "Your certificate is ready", optional: false },
  cohort_invitation: { audience: "learner", label: "An instructor added you to a cohort", optional: true },
  account_changed: { audience: "any", label: "Your name or sign-in email was changed", optional: false },
  review_waiting: { audience: "instructor", label: "A reflection has waited 3 days for review", optional: true },
  weekly_digest: { audience: "instructor", label: "Weekly digest of each cohort", optional: true },
  org_summary: { audience: "admin", label: "Weekly organization summary", optional: true },
} as const;

export type NotificationKind = keyof typeof notificationKinds;

export const isNotificationKind = (v: unknown): v is NotificationKind => typeof v === "string" && v in notificationKinds;

/** May the person turn this kind's email off? */
export const emailIsOptional = (kind: NotificationKind) => notificationKinds[kind].optional;
