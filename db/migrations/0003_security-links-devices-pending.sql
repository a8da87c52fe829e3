CREATE TABLE "pending_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"invited_by" uuid,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"declined_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sign_in_devices" (
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sign_in_devices_token_hash_user_id_pk" PRIMARY KEY("token_hash","user_id")
);
--> statement-breakpoint
ALTER TABLE "account_tokens" ADD COLUMN "issued_role" "role";--> statement-breakpoint
ALTER TABLE "account_tokens" ADD COLUMN "issued_with_password" boolean;--> statement-breakpoint
-- links made before this migration: what the account is now is what they were made for
UPDATE "account_tokens" SET "issued_role" = u."role", "issued_with_password" = (u."password_hash" IS NOT NULL) FROM "users" u WHERE u."id" = "account_tokens"."user_id";--> statement-breakpoint
ALTER TABLE "account_tokens" ALTER COLUMN "issued_role" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "account_tokens" ALTER COLUMN "issued_with_password" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "password_set_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "created_by" uuid;--> statement-breakpoint
-- an account that has a password, or has signed in, has had one
UPDATE "users" SET "password_set_at" = COALESCE("last_sign_in_at", "created_at") WHERE "password_hash" IS NOT NULL OR "last_sign_in_at" IS NOT NULL;--> statement-breakpoint
-- who made each account, from the audit entry written when it was made by someone else
UPDATE "users" u SET "created_by" = a."actor_id" FROM "audit_log" a WHERE a."action" = 'user.create' AND a."target_type" = 'user' AND a."target_id" = u."id"::text AND a."actor_id" IS NOT NULL AND a."actor_id" <> u."id";--> statement-breakpoint
-- erased accounts get a marker no sign-up can produce (it is not an email address)
UPDATE "users" SET "email" = 'erased:' || "id"::text WHERE "email" = 'erased-' || "id"::text || '@erased.invalid';--> statement-breakpoint
ALTER TABLE "pending_enrolments" ADD CONSTRAINT "pending_enrolments_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_enrolments" ADD CONSTRAINT "pending_enrolments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_enrolments" ADD CONSTRAINT "pending_enrolments_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_in_devices" ADD CONSTRAINT "sign_in_devices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pending_enrolments_cohort_user_uq" ON "pending_enrolments" USING btree ("cohort_id","user_id");--> statement-breakpoint
CREATE INDEX "pending_enrolments_user_idx" ON "pending_enrolments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sign_in_devices_user_idx" ON "sign_in_devices" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_created_by_idx" ON "users" USING btree ("created_by");