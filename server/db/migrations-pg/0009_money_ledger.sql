CREATE TABLE "cost_agreements" (
	"id" serial PRIMARY KEY NOT NULL,
	"stairwell_id" integer NOT NULL,
	"method" text NOT NULL,
	"agreed_on" text NOT NULL,
	"lift_cost_fen" integer NOT NULL,
	"coefficients" json,
	"custom" json,
	"recorded_by" text NOT NULL,
	"at" text NOT NULL,
	"created_at" text DEFAULT to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "money_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"stairwell_id" integer NOT NULL,
	"flat_id" integer NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"on" text NOT NULL,
	"note" text,
	"recorded_by" text NOT NULL,
	"at" text NOT NULL,
	"created_at" text DEFAULT to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_claims" (
	"stairwell_id" integer PRIMARY KEY NOT NULL,
	"applied_on" text NOT NULL,
	"claimed_fen" integer NOT NULL,
	"received_on" text,
	"received_fen" integer,
	"recorded_by" text NOT NULL,
	"at" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cost_agreements" ADD CONSTRAINT "cost_agreements_stairwell_id_stairwells_id_fk" FOREIGN KEY ("stairwell_id") REFERENCES "public"."stairwells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_entries" ADD CONSTRAINT "money_entries_stairwell_id_stairwells_id_fk" FOREIGN KEY ("stairwell_id") REFERENCES "public"."stairwells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "money_entries" ADD CONSTRAINT "money_entries_flat_id_flats_id_fk" FOREIGN KEY ("flat_id") REFERENCES "public"."flats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_claims" ADD CONSTRAINT "subsidy_claims_stairwell_id_stairwells_id_fk" FOREIGN KEY ("stairwell_id") REFERENCES "public"."stairwells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cost_agreements_stairwell" ON "cost_agreements" USING btree ("stairwell_id");--> statement-breakpoint
CREATE INDEX "money_entries_stairwell" ON "money_entries" USING btree ("stairwell_id");