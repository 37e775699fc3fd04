CREATE TABLE "team_members" (
	"id" serial PRIMARY KEY NOT NULL,
	"stairwell_id" integer NOT NULL,
	"canvasser_id" integer NOT NULL,
	"post" text NOT NULL,
	"duty" json NOT NULL,
	"since" text NOT NULL,
	"created_at" text DEFAULT to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL
);
--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_stairwell_id_stairwells_id_fk" FOREIGN KEY ("stairwell_id") REFERENCES "public"."stairwells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_canvasser_id_canvassers_id_fk" FOREIGN KEY ("canvasser_id") REFERENCES "public"."canvassers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "team_members_post" ON "team_members" USING btree ("stairwell_id","canvasser_id","post");--> statement-breakpoint
CREATE INDEX "team_members_canvasser" ON "team_members" USING btree ("canvasser_id");