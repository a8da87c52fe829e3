"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/app/_edge/action";
import { clientIp } from "@/app/_edge/http";
import { enrolByEmail, issueSetPasswordLink, reenrolLearner, removeLearner } from "@/lib/cohorts/enrolment";
import { createCohortInvite, inviteSettingsSchema, revokeCohortInvite } from "@/lib/cohorts/invite-links";
import { importRosterRows, previewRoster, ROSTER_CHUNK } from "@/lib/cohorts/roster-import";
import { conflict } from "@/lib/platform/errors";
import { ROSTER_MAX_BYTES, ROSTER_TOO_LARGE } from "@/lib/cohorts/roster-limits";
import { mailConfigured } from "@/lib/platform/mail";

const cohortId = z.string().min(1);
const learnerId = z.string().min(1);
const refresh = (id: string) => revalidatePath(`/instructor/cohorts/${id}`, "layout");

export const createInviteAction = formAction(
  { permission: "workspace.instructor", schema: inviteSettingsSchema.extend({ cohortId }) },
  async ({ cohortId, days, maxUses }, user) => {
    const { path } = await createCohortInvite({ actor: user, cohortId, days, maxUses });
    refresh(cohortId);
    return { message: "Invite link created. Copy it now: it is shown only once.", data: { path } };
  },
);

export const revokeInviteAction = formAction(
  { permission: "workspace.instructor", schema: z.object({ cohortId, inviteId: z.string().min(1) }) },
  async ({ cohortId, inviteId }, user) => {
    await revokeCohortInvite({ actor: user, cohortId, inviteId });
    refresh(cohortId);
    return { message: "Invite link withdrawn." };
  },
);

export const enrolByEmailAction = formAction(
  {
    permission: "workspace.instructor",
    schema: z.object({ cohortId, email: z.string().trim().min(1, "Enter an email address."), name: z.string().optional() }),
  },
  async ({ cohortId, email, name }, user) => {
    const r = await enrolByEmail({ actor: user, cohortId, email, name, ip: await clientIp() });
    refresh(cohortId);
    if ("userId" in r) {
      return {
        message: `${r.learner.email} already has a Cohort account, so they were asked to accept (on their training page${mailConfigured() ? ", and by email" : ""}). They join the cohort when they accept.`,
        values: {},
        data: { path: undefined },
      };
    }
    const who = `${r.learner.name} (${r.learner.email})`;
    const message = {
      enrolled: `${who} is enrolled.`,
      reactivated: `${who} is back in the cohort, with their earlier work.`,
      already: `${who} is already enrolled.`,
      created: `Account created and ${who} enrolled. Send them this link to choose a password.`,
    }[r.outcome];
    return { message, values: {}, data: { path: r.setPasswordPath } };
  },
);

export const previewRosterAction = formAction(
  {
    permission: "workspace.instructor",
    schema: z.object({ cohortId, csv: z.string().refine((s) => Buffer.byteLength(s, "utf8") <= ROSTER_MAX_BYTES, ROSTER_TOO_LARGE) }),
  },
  async ({ cohortId, csv }, user) => {
    const preview = await previewRoster({ actor: user, cohortId, csv });
    return { data: preview };
  },
);

const rowsJson = z.string().transform((s, ctx) => {
  try {
    return z
      .array(z.object({ line: z.number().int(), name: z.string().max(500), email: z.string().max(500) }))
      .max(ROSTER_CHUNK * 2)
      .parse(JSON.parse(s));
  } catch {
    ctx.addIssue({ code: "custom", message: "The rows could not be read." });
    return z.NEVER;
  }
});

export const importRosterChunkAction = formAction(
  { permission: "workspace.instructor", schema: z.object({ cohortId, rows: rowsJson, last: z.enum(["0", "1"]).default("0") }) },
  async ({ cohortId, rows, last }, user) => {
    const result = await importRosterRows({ actor: user, cohortId, rows, ip: await clientIp() });
    if (last === "1") refresh(cohortId);
    return { data: { counts: result.counts, links: result.links } };
  },
);

export const removeLearnerAction = formAction(
  { permission: "workspace.instructor", schema: z.object({ cohortId, learnerId }) },
  async ({ cohortId, learnerId }, user) => {
    await removeLearner({ actor: user, cohortId, learnerId, ip: await clientIp() });
    refresh(cohortId);
    return { message: "Removed from the cohort. Their records are kept; add them back at any time." };
  },
);

export const reenrolLearnerAction = formAction(
  { permission: "workspace.instructor", schema: z.object({ cohortId, learnerId }) },
  async ({ cohortId, learnerId }, user) => {
    const outcome = await reenrolLearner({ actor: user, cohortId, learnerId, ip: await clientIp() });
    if (outcome === "already") throw conflict("This learner is already enrolled.");
    refresh(cohortId);
    return { message: "Back in the cohort, with their earlier work." };
  },
);

export const setPasswordLinkAction = formAction(
  { permission: "workspace.instructor", schema: z.object({ cohortId, learnerId }) },
  async ({ cohortId, learnerId }, user) => {
    const { path } = await issueSetPasswordLink({ actor: user, cohortId, learnerId, ip: await clientIp() });
    return { message: "New set-password link (earlier links stop working).", data: { path } };
  },
);
