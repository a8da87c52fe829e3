CREATE TYPE "public"."show_correct_answers" AS ENUM('after_pass_or_last_attempt', 'after_each_attempt', 'never');--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "show_correct_answers" "show_correct_answers" DEFAULT 'after_pass_or_last_attempt' NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "require_all_sections_read" boolean DEFAULT true NOT NULL;