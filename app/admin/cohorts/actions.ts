"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/app/_edge/action";
import { clientIp } from "@/app/_edge/http";
import { cohortFieldsSchema, createCohort } from "@/lib/cohorts/cohorts";
import { enrolByEmail } from "@/lib/cohorts/enrolment";
import { importRosterRows, previewRoster, ROSTER_CHUNK } from "@/lib/cohorts/roster-import";
import { ROSTER_MAX_BYTES, ROSTER_TOO_LARGE } from "@/lib/cohorts/roster-limits";
import { mailConfigured } from "@/lib/platform/mail";

/*
 * The admin's side of cohorts: the same domain functions as the instructor's
 * pages (lib/cohorts), which check the matrix and the scope (an admin reaches
 * every cohort); these actions only admit the admin workspace.
 */

const cohortId = z.string().min(1);
const refresh = (id: string) => {
  revalidatePath(`/admin/cohorts/${id}`, "layout");
  revalidatePath("/admin");
};

export const createCohortAsAdmin = formAction(
  { permission: "workspace.admin", schema: cohortFieldsSchema },
  async (input, user, formData) => {
    // checkboxes arrive as repeated fields; createCohort accepts only active instructors' ids
    const instructorIds = formData.getAll("instructorIds").map(String).slice(0, 50);
    const cohort = await createCohort({ actor: user, ...input, instructorIds });
    revalidatePath("/admin");
    redirect(`/admin/cohorts/${cohort.id}`);
  },
);

export const enrolByEmailAsAdmin = formAction(
  {
    permission: "workspace.admin",
    schema: z.object({ cohortId, email: z.string().trim().min(1, "Enter an email address."), name: z.string().optional() }),
  },
  async ({ cohortId, email, name }, user) => {
    const r = await enrolByEmail({ actor: user, cohortId, email, name, ip: await clientIp() });
    refresh(cohortId);
    if ("userId" in r) {
      return {
        message: `${r.learner.email} already has a Cohort account, so they were asked to accept (on their training page${mailConfigured() ? ", and by email" : ""}). To enroll them at once, use Enroll on their page under People.`,
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

export const previewRosterAsAdmin = formAction(
  {
    permission: "workspace.admin",
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

export const importRosterChunkAsAdmin = formAction(
  { permission: "workspace.admin", schema: z.object({ cohortId, rows: rowsJson, last: z.enum(["0", "1"]).default("0") }) },
  async ({ cohortId, rows, last }, user) => {
    const result = await importRosterRows({ actor: user, cohortId, rows, ip: await clientIp() });
    if (last === "1") refresh(cohortId);
    return { data: { counts: result.counts, links: result.links } };
  },
);
