import type { Metadata } from "next";
import { AppShell } from "@/app/_components/app-shell";
import { page } from "@/app/_edge/page";
import { can } from "@/lib/access/permissions";
import { listCoordinators } from "@/lib/accounts/people";
import { calendarFeedOf } from "@/lib/notifications/calendar-feeds";
import { organizationTimeZone, ownTimeZoneChoice, timeZoneChoices } from "@/lib/notifications/time-zone";
import { TimeZoneForm } from "./time-zone-form";
import { env } from "@/lib/platform/env";
import { LocalTime } from "@/app/_components/local-time";
import { CalendarFeedForm } from "./calendar-feed-form";
import { ChangePasswordForm } from "./change-password-form";
import { SignOutEverywhereForm } from "./sign-out-everywhere-form";
import { buttonClasses } from "@/app/_components/ui/button";
import { cardClasses } from "@/app/_components/ui/card";
import { cx } from "@/app/_components/ui/cx";

export const metadata: Metadata = { title: "Your account" };

const roleName = { admin: "Administrator", instructor: "Instructor", learner: "Learner" } as const;

export default page({ permission: "account.own" }, async ({ user }) => {
  const { SESSION_IDLE_MINUTES: idle, SESSION_MAX_HOURS: maxHours } = env();
  const [feed, ownZone, orgZone, coordinators] = await Promise.all([
    can(user.role, "calendar.feed") ? calendarFeedOf({ userId: user.id }) : null,
    ownTimeZoneChoice({ userId: user.id }),
    organizationTimeZone(),
    listCoordinators(),
  ]);
  return (
    <AppShell user={user}>
      <h1 className="text-2xl font-bold">Your account</h1>

      <section aria-labelledby="profile-heading" className={cx(cardClasses, "mt-4")}>
        <h2 id="profile-heading" className="text-lg font-semibold">
          Profile
        </h2>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="font-medium text-slate-700">Name</dt>
          <dd>{user.name}</dd>
          <dt className="font-medium text-slate-700">Email</dt>
          <dd className="break-all">{user.email}</dd>
          <dt className="font-medium text-slate-700">Role</dt>
          <dd>{roleName[user.role]}</dd>
        </dl>
        <p className="mt-3 text-sm text-slate-700" data-testid="change-details-help">
          {user.role === "admin"
            ? "To change your name or email, ask another admin: they can correct both on your page under People, and you are told when they do."
            : "To change your name or email, ask a program coordinator (an admin of your training program): they can correct both, and you are told when they do."}
        </p>
        {user.role !== "admin" && coordinators.length > 0 && (
          <ul className="mt-1 text-sm" aria-label="Program coordinators">
            {coordinators.map((c) => (
              <li key={c.email}>
                {c.name} —{" "}
                <a className="link break-all" href={`mailto:${c.email}`}>
                  {c.email}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="password-heading" className={cx(cardClasses, "mt-4")}>
        <h2 id="password-heading" className="text-lg font-semibold">
          Change password
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-700">
          Changing your password signs out every other browser where you are signed in. This one stays signed in.
        </p>
        <ChangePasswordForm />
      </section>

      <section aria-labelledby="sessions-heading" className={cx(cardClasses, "mt-4")}>
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Sign out everywhere
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-700">
          Lost a phone, or signed in on a shared computer? This signs you out on every device, including this one. Sessions also end by
          themselves after {idle} minutes without use, and {maxHours} hours after signing in.
        </p>
        <SignOutEverywhereForm />
      </section>

      <section aria-labelledby="time-zone-heading" className={cx(cardClasses, "mt-4")}>
        <h2 id="time-zone-heading" className="text-lg font-semibold">
          Time zone
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-700">
          Reminders reach you at 9 a.m. in this time zone, and due dates show on its calendar.
        </p>
        <TimeZoneForm current={ownZone} orgZone={orgZone} choices={timeZoneChoices()} />
      </section>

      {can(user.role, "calendar.feed") && (
        <section aria-labelledby="calendar-heading" className={cx(cardClasses, "mt-4")}>
          <h2 id="calendar-heading" className="text-lg font-semibold">
            Calendar feed
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            {user.role === "learner"
              ? "Subscribe to your due dates from Google Calendar, Outlook or Apple Calendar: they stay up to date when dates change."
              : "Subscribe to the due dates of the cohorts you teach from Google Calendar, Outlook or Apple Calendar."}{" "}
            The URL is private: anyone who has it can see these due dates (and nothing else), so keep it to yourself. Making a new URL stops
            the old one at once.
          </p>
          <p className="mt-2 mb-4 text-sm text-slate-700" data-testid="calendar-feed-state">
            {feed ? (
              <>
                Your feed is on since <LocalTime value={feed.createdAt} />. Its URL was shown once; if you no longer have it, make a new
                one.
              </>
            ) : (
              "You have no calendar feed."
            )}
          </p>
          <CalendarFeedForm hasFeed={Boolean(feed)} />
        </section>
      )}

      <section aria-labelledby="data-heading" className={cx(cardClasses, "mt-4")}>
        <h2 id="data-heading" className="text-lg font-semibold">
          Your data
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-700">
          Download everything Cohort holds about you — your profile, enrollments, progress, quiz answers, reflections with the feedback on
          them, certificates and the record of your sign-ins — as one JSON file.
        </p>
        <a className={buttonClasses({ variant: "secondary" })} href="/account/export.json" download>
          Download my data
        </a>
      </section>
    </AppShell>
  );
});
