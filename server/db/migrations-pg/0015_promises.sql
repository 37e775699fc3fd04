CREATE TABLE "promises" (
	"id" serial PRIMARY KEY NOT NULL,
	"stairwell_id" integer NOT NULL,
	"flat_id" integer NOT NULL,
	"kind" text NOT NULL,
	"deliverer" text NOT NULL,
	"due_stage" text NOT NULL,
	"note" text,
	"made_by" text NOT NULL,
	"made_at" text NOT NULL,
	"delivered_on" text,
	"photo" "bytea",
	"photo_mime" text,
	"signed_off_on" text,
	"created_at" text DEFAULT to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL
);
--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_stairwell_id_stairwells_id_fk" FOREIGN KEY ("stairwell_id") REFERENCES "public"."stairwells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_flat_id_flats_id_fk" FOREIGN KEY ("flat_id") REFERENCES "public"."flats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "promises_stairwell" ON "promises" USING btree ("stairwell_id");--> statement-breakpoint
CREATE INDEX "promises_flat" ON "promises" USING btree ("flat_id");