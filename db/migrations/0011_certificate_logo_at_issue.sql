CREATE TABLE "certificate_logo_versions" (
	"sha256" text PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certificate_logo_versions_type" CHECK ("certificate_logo_versions"."content_type" in ('image/png', 'image/jpeg'))
);
--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "logo_sha256" text;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_logo_sha256_certificate_logo_versions_sha256_fk" FOREIGN KEY ("logo_sha256") REFERENCES "public"."certificate_logo_versions"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Certificates issued before this migration printed the logo as it was at each download: they keep today's.
INSERT INTO "certificate_logo_versions" ("sha256", "content_type", "bytes", "width", "height")
  SELECT encode(sha256("bytes"), 'hex'), "content_type", "bytes", "width", "height" FROM "certificate_logo" WHERE "id" = 1;--> statement-breakpoint
UPDATE "certificates" SET "logo_sha256" = (SELECT encode(sha256("bytes"), 'hex') FROM "certificate_logo" WHERE "id" = 1);
