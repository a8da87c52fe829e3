"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/app/_edge/action";
import { nextReflectionToReview, reviewFilterOf, reviewFilterQuery, reviewReflection } from "@/lib/learning/reviews";
import { clientIp } from "@/app/_edge/http";

export const reviewReflectionAction = formAction(
  {
    permission: "reflection.review",
    schema: z.object({
      reflectionId: z.string().min(1),
      decision: z.enum(["accepted", "revision_requested"], { message: "Choose accept or request a revision." }),
      feedback: z.string().default(""),
      version: z.coerce.number().int().min(1),
      /** "1": go on to the next reflection waiting in the same filter */
      next: z.string().optional(),
      cohort: z.string().optional(),
      learner: z.string().optional(),
    }),
  },
  async ({ reflectionId, next, cohort, learner, ...review }, user, formData) => {
    // rubric radios arrive as score.<criterion>; lib checks them against the rubric
    const scores: Record<string, number> = {};
    for (const [k, v] of formData.entries())
      if (k.startsWith("score.") && typeof v === "string" && v !== "") scores[k.slice(6)] = Number(v);
    await reviewReflection({ actor: user, reflectionId, ...review, scores, ip: await clientIp() });
    revalidatePath("/instructor/reviews");
    revalidatePath(`/instructor/reviews/${reflectionId}`);
    const filter = reviewFilterOf({ cohort, learner });
    if (next === "1") {
      // "Review next": the oldest one still waiting in the same filter, else the queue says none are left
      const nextId = await nextReflectionToReview({ actor: user, filter, exclude: reflectionId });
      if (nextId) redirect(`/instructor/reviews/${nextId}${reviewFilterQuery(filter, { reviewed: review.decision })}`);
      redirect(`/instructor/reviews${reviewFilterQuery(filter, { reviewed: review.decision, none: "1" })}`);
    }
    // on to the queue, which says what happened: the next reflection is one click away
    redirect(`/instructor/reviews${reviewFilterQuery(filter, { reviewed: review.decision })}`);
  },
);
