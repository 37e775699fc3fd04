CREATE TABLE "legal_records" (
	"id" serial PRIMARY KEY NOT NULL,
	"stairwell_id" integer NOT NULL,
	"kind" text NOT NULL,
	"on" text NOT NULL,
	"reference" text,
	"note" text,
	"recorded_by" text NOT NULL,
	"at" text NOT NULL,
	"withdrawn_at" text,
	"created_at" text DEFAULT to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') NOT NULL
);
--> statement-breakpoint
ALTER TABLE "objections" ALTER COLUMN "flat_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "objections" ADD COLUMN "from_address" text;--> statement-breakpoint
ALTER TABLE "objections" ADD COLUMN "distance_m" integer;--> statement-breakpoint
ALTER TABLE "objections" ADD COLUMN "postmarked_on" text;--> statement-breakpoint
ALTER TABLE "objections" ADD COLUMN "bureau_answer" text;--> statement-breakpoint
ALTER TABLE "legal_records" ADD CONSTRAINT "legal_records_stairwell_id_stairwells_id_fk" FOREIGN KEY ("stairwell_id") REFERENCES "public"."stairwells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "legal_records_stairwell" ON "legal_records" USING btree ("stairwell_id");--> statement-breakpoint
-- A registration number recorded with 运行维保 (before 使用登记 was a step of its own) becomes its legal record, dated as the stage.
INSERT INTO "legal_records" ("stairwell_id", "kind", "on", "reference", "note", "recorded_by", "at")
SELECT e."stairwell_id", 'registration', COALESCE(e."effective_on", substr(e."at", 1, 10)), e."details"->>'registrationNumber', '随“运行维保”登记，迁移', '迁移', e."at"
FROM "stage_events" e
WHERE e."to_stage" = 'in_service' AND e."details"->>'registrationNumber' IS NOT NULL AND e."undoes" IS NULL
  AND NOT EXISTS (SELECT 1 FROM "stage_events" u WHERE u."undoes" = e."id");
