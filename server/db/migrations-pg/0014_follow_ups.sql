ALTER TABLE "flats" ADD COLUMN "next_visitor_canvasser_id" integer;--> statement-breakpoint
ALTER TABLE "flats" ADD COLUMN "next_visitor_note" text;--> statement-breakpoint
ALTER TABLE "flats" ADD COLUMN "next_visit_reason" text;--> statement-breakpoint
ALTER TABLE "flats" ADD COLUMN "do_not_contact_on" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "what_worked" json;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "what_worked_note" text;--> statement-breakpoint
ALTER TABLE "flats" ADD CONSTRAINT "flats_next_visitor_canvasser_id_canvassers_id_fk" FOREIGN KEY ("next_visitor_canvasser_id") REFERENCES "public"."canvassers"("id") ON DELETE no action ON UPDATE no action;