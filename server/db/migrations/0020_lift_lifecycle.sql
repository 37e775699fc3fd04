CREATE TABLE `lift_faults` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stairwell_id` integer NOT NULL,
	`kind` text NOT NULL,
	`alarm_at` text NOT NULL,
	`arrived_at` text,
	`released_at` text,
	`resolved_at` text,
	`description` text NOT NULL,
	`recorded_by` text NOT NULL,
	`at` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`stairwell_id`) REFERENCES `stairwells`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lift_faults_stairwell` ON `lift_faults` (`stairwell_id`);--> statement-breakpoint
CREATE TABLE `lift_repairs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stairwell_id` integer NOT NULL,
	`description` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`noticed_on` text NOT NULL,
	`approved_on` text,
	`done_on` text,
	`recorded_by` text NOT NULL,
	`at` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`stairwell_id`) REFERENCES `stairwells`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lift_repairs_stairwell` ON `lift_repairs` (`stairwell_id`);--> statement-breakpoint
CREATE TABLE `lift_tags` (
	`stairwell_id` integer PRIMARY KEY NOT NULL,
	`tag` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`stairwell_id`) REFERENCES `stairwells`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `maintenance_visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stairwell_id` integer NOT NULL,
	`visited_at` text NOT NULL,
	`kind` text NOT NULL,
	`maintainer_licence` text NOT NULL,
	`note` text,
	`recorded_by` text NOT NULL,
	`at` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`stairwell_id`) REFERENCES `stairwells`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `maintenance_visits_stairwell` ON `maintenance_visits` (`stairwell_id`,`visited_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `maintainer_licence` text;