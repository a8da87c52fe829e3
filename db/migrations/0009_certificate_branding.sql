CREATE TABLE "certificate_logo" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certificate_logo_single_row" CHECK ("certificate_logo"."id" = 1),
	CONSTRAINT "certificate_logo_type" CHECK ("certificate_logo"."content_type" in ('image/png', 'image/jpeg'))
);
--> statement-breakpoint
ALTER TABLE "org_settings" ALTER COLUMN "organisation_name" SET DEFAULT 'Cohort Training Program';--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "signer_name" text;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "signer_title" text;--> statement-breakpoint
ALTER TABLE "org_settings" ADD COLUMN "signer_name" text;--> statement-breakpoint
ALTER TABLE "org_settings" ADD COLUMN "signer_title" text;