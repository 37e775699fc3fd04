CREATE TABLE `phase_scenarios` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`estate_id` integer NOT NULL,
	`name` text NOT NULL,
	`params` text NOT NULL,
	`moves` text NOT NULL,
	`result` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`estate_id`) REFERENCES `estates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `phase_scenarios_estate_name` ON `phase_scenarios` (`estate_id`,`name`);