CREATE TABLE `lift_services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stairwell_id` integer NOT NULL,
	`user_unit` text NOT NULL,
	`maintainer` text NOT NULL,
	`maintainer_licence` text NOT NULL,
	`maintainer_phone` text NOT NULL,
	`price_fen_per_year` integer NOT NULL,
	`term_from` text NOT NULL,
	`term_to` text NOT NULL,
	`guarantor` text,
	`template` text,
	`inspection_valid_until` text NOT NULL,
	`recorded_by` text NOT NULL,
	`at` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`stairwell_id`) REFERENCES `stairwells`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lift_services_stairwell` ON `lift_services` (`stairwell_id`);