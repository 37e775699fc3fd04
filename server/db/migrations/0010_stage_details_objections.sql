CREATE TABLE `objections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stairwell_id` integer NOT NULL,
	`flat_id` integer NOT NULL,
	`received_on` text NOT NULL,
	`content` text NOT NULL,
	`status` text DEFAULT 'mediating' NOT NULL,
	`resolution_note` text,
	`resolved_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`stairwell_id`) REFERENCES `stairwells`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`flat_id`) REFERENCES `flats`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `objections_stairwell` ON `objections` (`stairwell_id`);--> statement-breakpoint
ALTER TABLE `stage_events` ADD `effective_on` text;--> statement-breakpoint
ALTER TABLE `stage_events` ADD `details` text;--> statement-breakpoint
ALTER TABLE `stage_events` ADD `undoes` integer;--> statement-breakpoint
ALTER TABLE `stairwells` ADD `resume_stage` text;