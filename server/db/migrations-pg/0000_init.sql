CREATE TABLE "backups" (
	"id" serial PRIMARY KEY NOT NULL,
	"file" text NOT NULL,
	"bytes" bigint NOT NULL,
	"at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "buildings" (
	"id" serial PRIMARY KEY NOT NULL,
	"estate_id" integer NOT NULL,
	"code" text NOT NULL,
	"floors" integer DEFAULT 6 NOT NULL,
	"footprint" json NOT NULL,
	"extra" json NOT NULL
);
--> statement-breakpoint
CREATE TABLE "canvasser_stairwells" (
	"canvasser_id" integer NOT NULL,
	"stairwell_id" integer NOT NULL,
	CONSTRAINT "canvasser_stairwells_canvasser_id_stairwell_id_pk" PRIMARY KEY("canvasser_id","stairwell_id")
);
--> statement-breakpoint
CREATE TABLE "canvassers" (
	"id" serial PRIMARY KEY NOT NULL,
	"estate_id" integer NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"party_group" text
);
--> statement-breakpoint
CREATE TABLE "change_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"estate_id" integer,
	"kind" text NOT NULL,
	"payload" json NOT NULL,
	"at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concern_answers" (
	"tag" text PRIMARY KEY NOT NULL,
	"answer_zh" text NOT NULL,
	"answer_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"flat_id" integer NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"canvasser_id" integer,
	"at" text NOT NULL,
	"note" text,
	"visit_id" integer,
	"conditions" json,
	"created_at" text DEFAULT to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "estates" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"boundary" json NOT NULL,
	"center_lng" double precision NOT NULL,
	"center_lat" double precision NOT NULL,
	"lessees_vote" boolean DEFAULT true NOT NULL,
	"schematic" boolean DEFAULT false NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"created_at" text DEFAULT to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL,
	CONSTRAINT "estates_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "fire_lanes" (
	"id" serial PRIMARY KEY NOT NULL,
	"estate_id" integer NOT NULL,
	"code" text NOT NULL,
	"line" json NOT NULL,
	"road_width_m" double precision NOT NULL,
	"clear_width_m" double precision DEFAULT 4 NOT NULL,
	"extra" json NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flats" (
	"id" serial PRIMARY KEY NOT NULL,
	"stairwell_id" integer NOT NULL,
	"floor" integer NOT NULL,
	"room" text NOT NULL,
	"area_centi_m2" integer,
	"voter_id" integer NOT NULL,
	"residents" integer DEFAULT 0 NOT NULL,
	"aged_60_to_79" integer DEFAULT 0 NOT NULL,
	"aged_80_plus" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'unvisited' NOT NULL,
	"concerns" json NOT NULL,
	"note" text,
	"next_visit_on" text,
	"compensation" json DEFAULT '[]'::json NOT NULL,
	"canvasser_id" integer,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"key" text NOT NULL,
	"at_ms" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "map_features" (
	"id" serial PRIMARY KEY NOT NULL,
	"estate_id" integer NOT NULL,
	"kind" text NOT NULL,
	"geometry" json NOT NULL,
	"width_m" double precision,
	"extra" json NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parking_spaces" (
	"id" serial PRIMARY KEY NOT NULL,
	"estate_id" integer NOT NULL,
	"code" text NOT NULL,
	"polygon" json NOT NULL,
	"kind" text DEFAULT 'regular' NOT NULL,
	"extra" json NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phase_scenarios" (
	"id" serial PRIMARY KEY NOT NULL,
	"estate_id" integer NOT NULL,
	"name" text NOT NULL,
	"params" json NOT NULL,
	"moves" json NOT NULL,
	"result" json NOT NULL,
	"created_at" text DEFAULT to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"expires_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stage_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"stairwell_id" integer NOT NULL,
	"from_stage" text NOT NULL,
	"to_stage" text NOT NULL,
	"at" text NOT NULL,
	"reason" text,
	"created_at" text DEFAULT to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stairwell_costs" (
	"stairwell_id" integer PRIMARY KEY NOT NULL,
	"coefficients" json NOT NULL,
	"lift_cost_yuan" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stairwells" (
	"id" serial PRIMARY KEY NOT NULL,
	"estate_id" integer NOT NULL,
	"building_id" integer NOT NULL,
	"door_number" text NOT NULL,
	"footprint" json NOT NULL,
	"door_lng" double precision NOT NULL,
	"door_lat" double precision NOT NULL,
	"elevator_site" json,
	"door_adjusted" boolean DEFAULT false NOT NULL,
	"site_adjusted" boolean DEFAULT false NOT NULL,
	"stage" text DEFAULT 'canvassing' NOT NULL,
	"stage_reason" text,
	"extra" json NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"canvasser_id" integer,
	"created_at" text DEFAULT to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL,
	"disabled_at" text,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"flat_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"canvasser_id" integer,
	"at" text NOT NULL,
	"outcome" text NOT NULL,
	"status_after" text NOT NULL,
	"concerns" json NOT NULL,
	"note" text,
	"next_visit_on" text,
	"compensation" json NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"distance_m" double precision,
	"flag" text,
	"review" text DEFAULT 'none' NOT NULL,
	CONSTRAINT "visits_client_id_unique" UNIQUE("client_id")
);
--> statement-breakpoint
CREATE TABLE "voters" (
	"id" serial PRIMARY KEY NOT NULL,
	"estate_id" integer NOT NULL,
	"external_id" text NOT NULL,
	"name" text,
	"phone" text
);
--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canvasser_stairwells" ADD CONSTRAINT "canvasser_stairwells_canvasser_id_canvassers_id_fk" FOREIGN KEY ("canvasser_id") REFERENCES "public"."canvassers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canvasser_stairwells" ADD CONSTRAINT "canvasser_stairwells_stairwell_id_stairwells_id_fk" FOREIGN KEY ("stairwell_id") REFERENCES "public"."stairwells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canvassers" ADD CONSTRAINT "canvassers_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_flat_id_flats_id_fk" FOREIGN KEY ("flat_id") REFERENCES "public"."flats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_canvasser_id_canvassers_id_fk" FOREIGN KEY ("canvasser_id") REFERENCES "public"."canvassers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fire_lanes" ADD CONSTRAINT "fire_lanes_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flats" ADD CONSTRAINT "flats_stairwell_id_stairwells_id_fk" FOREIGN KEY ("stairwell_id") REFERENCES "public"."stairwells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flats" ADD CONSTRAINT "flats_voter_id_voters_id_fk" FOREIGN KEY ("voter_id") REFERENCES "public"."voters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flats" ADD CONSTRAINT "flats_canvasser_id_canvassers_id_fk" FOREIGN KEY ("canvasser_id") REFERENCES "public"."canvassers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "map_features" ADD CONSTRAINT "map_features_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parking_spaces" ADD CONSTRAINT "parking_spaces_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_scenarios" ADD CONSTRAINT "phase_scenarios_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_events" ADD CONSTRAINT "stage_events_stairwell_id_stairwells_id_fk" FOREIGN KEY ("stairwell_id") REFERENCES "public"."stairwells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stairwell_costs" ADD CONSTRAINT "stairwell_costs_stairwell_id_stairwells_id_fk" FOREIGN KEY ("stairwell_id") REFERENCES "public"."stairwells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stairwells" ADD CONSTRAINT "stairwells_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stairwells" ADD CONSTRAINT "stairwells_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_canvasser_id_canvassers_id_fk" FOREIGN KEY ("canvasser_id") REFERENCES "public"."canvassers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_flat_id_flats_id_fk" FOREIGN KEY ("flat_id") REFERENCES "public"."flats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_canvasser_id_canvassers_id_fk" FOREIGN KEY ("canvasser_id") REFERENCES "public"."canvassers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voters" ADD CONSTRAINT "voters_estate_id_estates_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "buildings_estate_code" ON "buildings" USING btree ("estate_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "canvassers_estate_external" ON "canvassers" USING btree ("estate_id","external_id");--> statement-breakpoint
CREATE INDEX "change_log_estate" ON "change_log" USING btree ("estate_id","id");--> statement-breakpoint
CREATE INDEX "consent_events_flat" ON "consent_events" USING btree ("flat_id");--> statement-breakpoint
CREATE INDEX "consent_events_at" ON "consent_events" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "flats_stairwell_room" ON "flats" USING btree ("stairwell_id","room");--> statement-breakpoint
CREATE INDEX "flats_voter" ON "flats" USING btree ("voter_id");--> statement-breakpoint
CREATE INDEX "login_failures_key" ON "login_failures" USING btree ("key","at_ms");--> statement-breakpoint
CREATE UNIQUE INDEX "parking_estate_code" ON "parking_spaces" USING btree ("estate_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "phase_scenarios_estate_name" ON "phase_scenarios" USING btree ("estate_id","name");--> statement-breakpoint
CREATE INDEX "stage_events_stairwell" ON "stage_events" USING btree ("stairwell_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stairwells_estate_door" ON "stairwells" USING btree ("estate_id","door_number");--> statement-breakpoint
CREATE INDEX "stairwells_building" ON "stairwells" USING btree ("building_id");--> statement-breakpoint
CREATE INDEX "visits_flat" ON "visits" USING btree ("flat_id");--> statement-breakpoint
CREATE INDEX "visits_user_at" ON "visits" USING btree ("user_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "voters_estate_external" ON "voters" USING btree ("estate_id","external_id");