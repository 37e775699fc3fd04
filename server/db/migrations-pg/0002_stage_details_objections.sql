CREATE TABLE "objections" (
	"id" serial PRIMARY KEY NOT NULL,
	"stairwell_id" integer NOT NULL,
	"flat_id" integer NOT NULL,
	"received_on" text NOT NULL,
	"content" text NOT NULL,
	"status" text DEFAULT 'mediating' NOT NULL,
	"resolution_note" text,
	"resolved_on" text,
	"created_at" text DEFAULT to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stage_events" ADD COLUMN "effective_on" text;--> statement-breakpoint
ALTER TABLE "stage_events" ADD COLUMN "details" json;--> statement-breakpoint
ALTER TABLE "stage_events" ADD COLUMN "undoes" integer;--> statement-breakpoint
ALTER TABLE "stairwells" ADD COLUMN "resume_stage" text;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_stairwell_id_stairwells_id_fk" FOREIGN KEY ("stairwell_id") REFERENCES "public"."stairwells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_flat_id_flats_id_fk" FOREIGN KEY ("flat_id") REFERENCES "public"."flats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "objections_stairwell" ON "objections" USING btree ("stairwell_id");