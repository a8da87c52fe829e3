/**
 * What each audit action means, in words an admin reads. One map for every
 * action any code writes: labels.test.ts scans the sources and fails when an
 * action is written that has no label here.
 */
export const auditActionLabels: Record<string, string> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Failed sign-in",
  "auth.sign_in_throttled": "Sign-in throttled",
  "auth.sign_out": "Signed out",
  "auth.sign_out_everywhere": "Signed out everywhere",
  "auth.password_change": "Changed their password",
  "auth.password_change_failed": "Failed password change",
  "user.create": "Created an account",
  "user.set_password": "Set a password",
  "user.set_password_link": "Sent a set-password link",
  "user.password_reset_sent": "Sent a password reset",
  "user.password_reset_failed": "Failed password reset",
  "user.deactivate": "Deactivated an account",
  "user.reactivate": "Reactivated an account",
  "user.role_change": "Changed a role",
  "user.update_details": "Changed a name or email",
  "user.sign_out_everywhere": "Signed someone out everywhere",
  "user.password_link": "Created a set-password link",
  "user.password_link_revoke": "Withdrew a set-password link",
  "user.invite": "Invited staff",
  "user.invite_revoke": "Withdrew an invite",
  "cohort.create": "Created a cohort",
  "cohort.update": "Edited a cohort",
  "cohort.archive": "Archived a cohort",
  "cohort.unarchive": "Restored a cohort",
  "cohort.add_instructor": "Added an instructor to a cohort",
  "enrolment.create": "Enrolled a learner",
  "enrolment.reactivate": "Re-enrolled a learner",
  "enrolment.remove": "Removed a learner from a cohort",
  "enrolment.offer": "Offered a place in a cohort",
  "enrolment.accept": "Accepted a place in a cohort",
  "enrolment.decline": "Declined a place in a cohort",
  "invite.create": "Created an invite link",
  "invite.revoke": "Withdrew an invite link",
  "invite.signup_existing_email": "Invite used with an existing email",
  "assignment.create": "Assigned a module",
  "assignment.update": "Edited an assignment",
  "attempt.reset": "Reset quiz attempts",
  "reflection.review": "Reviewed a reflection",
  "progress.complete": "Completed a module",
  "certificate.revoke": "Revoked a certificate",
  "reminder.send": "Sent reminders",
  "calendar_feed.create": "Created a calendar feed",
  "calendar_feed.regenerate": "Replaced a calendar feed link",
  "calendar_feed.revoke": "Turned off a calendar feed",
  "settings.update": "Changed the organization settings",
  "progress.extend_due": "Extended a due date",
  "progress.clear_extension": "Cleared a due-date extension",
  "settings.logo_update": "Uploaded the certificate logo",
  "settings.logo_remove": "Removed the certificate logo",
  "privacy.erase": "Erased a person's data",
  "export.org_csv": "Exported the organization CSV",
};

/** The label of an action; one nobody labeled yet shows its code (and labels.test.ts fails). */
export function auditActionLabel(action: string): string {
  return auditActionLabels[action] ?? action;
}

/** What a settings field is called on the settings page, for "before → after" lines. */
export const settingsFieldLabels: Record<string, string> = {
  organisationName: "Organization name",
  providerApprovalNumber: "Provider approval number",
  hourTargets: "Hour targets",
  signerName: "Signer's name",
  signerTitle: "Signer's title",
  logo: "Certificate logo",
};
