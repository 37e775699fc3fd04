CREATE TABLE "evidence_access" (
	"id" serial PRIMARY KEY NOT NULL,
	"evidence_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"part" text NOT NULL,
	"at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vote_evidence" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"stairwell_id" integer NOT NULL,
	"flat_id" integer NOT NULL,
	"voter_id" integer NOT NULL,
	"vote" text NOT NULL,
	"method" text NOT NULL,
	"consent_text" text NOT NULL,
	"signature" "bytea",
	"signature_sha256" text,
	"photo" "bytea",
	"photo_mime" text,
	"photo_sha256" text,
	"bytes" integer NOT NULL,
	"visit_id" integer,
	"recorded_by" integer NOT NULL,
	"recorded_at" text NOT NULL,
	"review" text DEFAULT 'pending' NOT NULL,
	"reviewed_by" integer,
	"reviewed_at" text,
	"review_note" text,
	CONSTRAINT "vote_evidence_client_id_unique" UNIQUE("client_id")
);
--> statement-breakpoint
ALTER TABLE "evidence_access" ADD CONSTRAINT "evidence_access_evidence_id_vote_evidence_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."vote_evidence"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_access" ADD CONSTRAINT "evidence_access_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_evidence" ADD CONSTRAINT "vote_evidence_stairwell_id_stairwells_id_fk" FOREIGN KEY ("stairwell_id") REFERENCES "public"."stairwells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_evidence" ADD CONSTRAINT "vote_evidence_flat_id_flats_id_fk" FOREIGN KEY ("flat_id") REFERENCES "public"."flats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_evidence" ADD CONSTRAINT "vote_evidence_voter_id_voters_id_fk" FOREIGN KEY ("voter_id") REFERENCES "public"."voters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_evidence" ADD CONSTRAINT "vote_evidence_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_evidence" ADD CONSTRAINT "vote_evidence_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_evidence" ADD CONSTRAINT "vote_evidence_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_access_evidence" ON "evidence_access" USING btree ("evidence_id");--> statement-breakpoint
CREATE INDEX "vote_evidence_voter" ON "vote_evidence" USING btree ("stairwell_id","voter_id");--> statement-breakpoint
CREATE INDEX "vote_evidence_review" ON "vote_evidence" USING btree ("review");--> statement-breakpoint
-- A vote's evidence is a legal record: never deleted, its files and text never rewritten; only staff's review moves.
CREATE FUNCTION liftmap_evidence_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'vote_evidence is kept: evidence is never deleted'; END IF;
  IF (NEW.client_id, NEW.stairwell_id, NEW.flat_id, NEW.voter_id, NEW.vote, NEW.method, NEW.consent_text, NEW.signature, NEW.signature_sha256, NEW.photo, NEW.photo_mime, NEW.photo_sha256, NEW.bytes, NEW.recorded_by, NEW.recorded_at)
     IS DISTINCT FROM (OLD.client_id, OLD.stairwell_id, OLD.flat_id, OLD.voter_id, OLD.vote, OLD.method, OLD.consent_text, OLD.signature, OLD.signature_sha256, OLD.photo, OLD.photo_mime, OLD.photo_sha256, OLD.bytes, OLD.recorded_by, OLD.recorded_at)
  THEN RAISE EXCEPTION 'vote_evidence files are never rewritten'; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER vote_evidence_fixed BEFORE UPDATE OR DELETE ON vote_evidence FOR EACH ROW EXECUTE FUNCTION liftmap_evidence_fixed();
--> statement-breakpoint
CREATE TRIGGER evidence_access_append_only BEFORE UPDATE OR DELETE ON evidence_access FOR EACH ROW EXECUTE FUNCTION liftmap_append_only();
