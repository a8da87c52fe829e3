CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_id","created_at");--> statement-breakpoint
CREATE INDEX "enrolments_removed_idx" ON "enrolments" USING btree ("cohort_id","user_id") WHERE "enrolments"."status" = 'removed';--> statement-breakpoint
CREATE INDEX "reflections_submitted_idx" ON "reflections" USING btree ("progress_id") WHERE "reflections"."status" = 'submitted';