CREATE TABLE "lift_services" (
	"id" serial PRIMARY KEY NOT NULL,
	"stairwell_id" integer NOT NULL,
	"user_unit" text NOT NULL,
	"maintainer" text NOT NULL,
	"maintainer_licence" text NOT NULL,
	"maintainer_phone" text NOT NULL,
	"price_fen_per_year" integer NOT NULL,
	"term_from" text NOT NULL,
	"term_to" text NOT NULL,
	"guarantor" text,
	"template" text,
	"inspection_valid_until" text NOT NULL,
	"recorded_by" text NOT NULL,
	"at" text NOT NULL,
	"created_at" text DEFAULT to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lift_services" ADD CONSTRAINT "lift_services_stairwell_id_stairwells_id_fk" FOREIGN KEY ("stairwell_id") REFERENCES "public"."stairwells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lift_services_stairwell" ON "lift_services" USING btree ("stairwell_id");