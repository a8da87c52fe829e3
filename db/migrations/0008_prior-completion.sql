ALTER TABLE "assignment_progress" ADD COLUMN "credited_from_progress_id" uuid;--> statement-breakpoint
ALTER TABLE "assignment_progress" ADD CONSTRAINT "assignment_progress_credited_from_progress_id_assignment_progress_id_fk" FOREIGN KEY ("credited_from_progress_id") REFERENCES "public"."assignment_progress"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignment_progress_credited_from_idx" ON "assignment_progress" USING btree ("credited_from_progress_id") WHERE "assignment_progress"."credited_from_progress_id" is not null;--> statement-breakpoint
-- Prior completion for what is already stored: a learner's unfinished row of a module version they completed in another cohort (the earliest completion) is complete by it.
UPDATE "assignment_progress" AS "target"
SET "completed_at" = "source"."completed_at", "credited_from_progress_id" = "source"."id"
FROM (
  SELECT DISTINCT ON ("user_id", "module_version_id") "id", "user_id", "module_version_id", "completed_at"
  FROM "assignment_progress"
  WHERE "completed_at" IS NOT NULL AND "module_version_id" IS NOT NULL
  ORDER BY "user_id", "module_version_id", "completed_at", "id"
) AS "source"
WHERE "target"."completed_at" IS NULL
  AND "target"."user_id" = "source"."user_id"
  AND "target"."module_version_id" = "source"."module_version_id"
  AND "target"."id" <> "source"."id";
