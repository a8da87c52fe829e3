import type { Composed } from "@/lib/notifications/compose";
import { manualReminderText } from "@/lib/notifications/compose";
import { emailIsOptional, notificationKinds, type NotificationKind } from "@/lib/notifications/kinds";
import type { EmailInput } from "@/lib/notifications/render";

/**
 * One realistic message of each kind, with the words compose.ts writes for
 * it (for the template previews at /admin/messages/templates and
 * scripts/email-samples.ts). Fixed ids and dates: the samples never change
 * unless the templates do.
 */
const progress = "/learn/7f3c2a10-5b8e-4c1d-9a6f-2e4b8d0c1a93";
const moduleTitle = "Ethics and Boundaries in Peer Support";
const cohort = "Evening Peer Support Cohort";

export const sampleContent: Record<NotificationKind, { recipientName: string; content: Composed }> = {
  assigned: {
    recipientName: "Jordan Lee",
    content: {
      title: `New assignment: ${moduleTitle}`,
      body: `You have a new assignment in ${cohort}: ${moduleTitle}. It opens Dec 1, 2026 and is due Dec 15, 2026.`,
      link: progress,
    },
  },
  opens_today: {
    recipientName: "Jordan Lee",
    content: {
      title: `${moduleTitle} opens today`,
      body: `${moduleTitle} (${cohort}) is open now. It is due Dec 15, 2026.`,
      link: progress,
    },
  },
  due_soon: {
    recipientName: "Maria Santos",
    content: {
      title: `${moduleTitle} is due Dec 15, 2026`,
      body: `${moduleTitle} (${cohort}) is due Dec 15, 2026 and is not complete yet.`,
      link: progress,
    },
  },
  overdue: {
    recipientName: "Tyrone Jackson",
    content: {
      title: `${moduleTitle} is overdue`,
      body: `${moduleTitle} (Northside Recovery Cohort) was due Nov 27, 2026 and is not complete. Your work still counts: finish it as soon as you can.`,
      link: progress,
    },
  },
  manual_reminder: {
    recipientName: "Marcus Brown",
    content: {
      ...manualReminderText({ instructorName: "Dana Rivera", moduleTitle, cohortName: cohort, due: "Dec 15, 2026", overdue: false }),
      link: progress,
    },
  },
  revision_requested: {
    recipientName: "Derek Wilson",
    content: {
      title: "Your instructor asked for a revision",
      body: `Your instructor asked you to revise a reflection for ${moduleTitle}.`,
      link: `${progress}/reflections`,
      quote:
        "You describe the situation clearly. Say more about what you would do next time, and how you would explain the boundary to the person you support.",
    },
  },
  reflections_accepted: {
    recipientName: "Grace Kim",
    content: {
      title: "Your reflections were accepted",
      body: `Your instructor accepted your reflections for ${moduleTitle} (${cohort}).`,
      link: progress,
    },
  },
  certificate_issued: {
    recipientName: "Grace Kim",
    content: {
      title: "Your certificate is ready",
      body: `You completed ${moduleTitle}. Your certificate is ready to download.`,
      link: "/certificates/0b6d9e44-2f1a-4c3b-8e7d-5a9c1f2e3d4b",
      secondary: { label: "Anyone you show it to can check it here", path: "/verify/K7QF-9M2X" },
    },
  },
  cohort_invitation: {
    recipientName: "Emily Chen",
    content: {
      title: "You were added to Eastside Reentry Cohort",
      body: 'Sam Okafor added you to the cohort "Eastside Reentry Cohort". You are not enrolled until you accept. Open Cohort to accept or decline; if you do not know this instructor, choose Decline.',
      link: "/learn",
    },
  },
  review_waiting: {
    recipientName: "Dana Rivera",
    content: {
      title: "A reflection has waited 3 days",
      body: "A reflection in one of your cohorts has waited 3 days for your review.",
      link: "/instructor/reviews/3e8a1c55-7d2b-4f90-b6a4-9c0d2e1f8a77",
    },
  },
  weekly_digest: {
    recipientName: "Sam Okafor",
    content: {
      title: `This week in ${cohort}`,
      body: "6 of 12 learners complete, 2 overdue, 3 reflections waiting for review (the oldest for 4 days).",
      extra: ["Overdue: Marcus Brown and Tyrone Jackson."],
      link: "/instructor/cohorts/9d4e2b17-1c6a-4e3f-8b5d-7a2c0e9f1b36",
    },
  },
  account_changed: {
    recipientName: "Emily Chen",
    content: {
      title: "Your sign-in email was changed",
      body: "An admin updated your account. You now sign in with emily.chen@example.org instead of emily.chen@demo.cohort. Your password is unchanged. If you did not expect this, tell your program coordinator (an admin of your training program).",
      link: "/account",
    },
  },
  org_summary: {
    recipientName: "Alex Morgan",
    content: {
      title: "This week across the organization",
      body: "41 of 58 assignments complete, 7 overdue, 5 reflections waiting for review.",
      extra: ["Waiting for review, by instructor:", "Dana Rivera: 3 (the oldest for 4 days)", "Sam Okafor: 2 (the oldest for 1 day)"],
      link: "/admin",
    },
  },
};

export const SAMPLE_ORIGIN = "https://training.example.org";

/** The sample of a kind as the renderer takes it; a kind that may be turned off carries an unsubscribe link. */
export function sampleInput(kind: NotificationKind, organizationName: string, origin = SAMPLE_ORIGIN): EmailInput {
  const s = sampleContent[kind];
  return {
    kind,
    content: s.content,
    recipientName: s.recipientName,
    origin,
    organizationName,
    unsubscribeUrl: emailIsOptional(kind) ? `${origin}/unsubscribe/SAMPLE-TOKEN` : null,
  };
}

export const sampleKinds = Object.keys(notificationKinds) as NotificationKind[];
