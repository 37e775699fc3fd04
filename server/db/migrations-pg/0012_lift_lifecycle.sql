CREATE TABLE "lift_faults" (
	"id" serial PRIMARY KEY NOT NULL,
	"stairwell_id" integer NOT NULL,
	"kind" text NOT NULL,
	"alarm_at" text NOT NULL,
	"arrived_at" text,
	"released_at" text,
	"resolved_at" text,
	"description" text NOT NULL,
	"recorded_by" text NOT NULL,
	"at" text NOT NULL,
	"created_at" text DEFAULT to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lift_repairs" (
	"id" serial PRIMARY KEY NOT NULL,
	"stairwell_id" integer NOT NULL,
	"description" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"noticed_on" text NOT NULL,
	"approved_on" text,
	"done_on" text,
	"recorded_by" text NOT NULL,
	"at" text NOT NULL,
	"created_at" text DEFAULT to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lift_tags" (
	"stairwell_id" integer PRIMARY KEY NOT NULL,
	"tag" text NOT NULL,
	"created_at" text DEFAULT to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maintenance_visits" (
	"id" serial PRIMARY KEY NOT NULL,
	"stairwell_id" integer NOT NULL,
	"visited_at" text NOT NULL,
	"kind" text NOT NULL,
	"maintainer_licence" text NOT NULL,
	"note" text,
	"recorded_by" text NOT NULL,
	"at" text NOT NULL,
	"created_at" text DEFAULT to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "maintainer_licence" text;--> statement-breakpoint
ALTER TABLE "lift_faults" ADD CONSTRAINT "lift_faults_stairwell_id_stairwells_id_fk" FOREIGN KEY ("stairwell_id") REFERENCES "public"."stairwells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lift_repairs" ADD CONSTRAINT "lift_repairs_stairwell_id_stairwells_id_fk" FOREIGN KEY ("stairwell_id") REFERENCES "public"."stairwells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lift_tags" ADD CONSTRAINT "lift_tags_stairwell_id_stairwells_id_fk" FOREIGN KEY ("stairwell_id") REFERENCES "public"."stairwells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_visits" ADD CONSTRAINT "maintenance_visits_stairwell_id_stairwells_id_fk" FOREIGN KEY ("stairwell_id") REFERENCES "public"."stairwells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lift_faults_stairwell" ON "lift_faults" USING btree ("stairwell_id");--> statement-breakpoint
CREATE INDEX "lift_repairs_stairwell" ON "lift_repairs" USING btree ("stairwell_id");--> statement-breakpoint
CREATE INDEX "maintenance_visits_stairwell" ON "maintenance_visits" USING btree ("stairwell_id","visited_at");