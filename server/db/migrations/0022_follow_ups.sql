ALTER TABLE `flats` ADD `next_visitor_canvasser_id` integer REFERENCES canvassers(id);--> statement-breakpoint
ALTER TABLE `flats` ADD `next_visitor_note` text;--> statement-breakpoint
ALTER TABLE `flats` ADD `next_visit_reason` text;--> statement-breakpoint
ALTER TABLE `flats` ADD `do_not_contact_on` text;--> statement-breakpoint
ALTER TABLE `visits` ADD `what_worked` text;--> statement-breakpoint
ALTER TABLE `visits` ADD `what_worked_note` text;