CREATE TABLE "site_plans" (
	"estate_id" integer PRIMARY KEY NOT NULL,
	"mime" text NOT NULL,
	"image" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"width_px" integer NOT NULL,
	"height_px" integer NOT NULL,
	"points" json NOT NULL,
	"corners" json,
	"opacity" double precision DEFAULT 0.6 NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "site_plans" ADD CONSTRAINT "site_plans_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;