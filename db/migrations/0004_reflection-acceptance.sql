-- Assignments made before this migration keep completing on submission (false); new ones default to waiting for acceptance (true).
ALTER TABLE "assignments" ADD COLUMN "reflections_must_be_accepted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ALTER COLUMN "reflections_must_be_accepted" SET DEFAULT true;--> statement-breakpoint
ALTER TABLE "reflection_reviews" ADD COLUMN "scores" jsonb;
