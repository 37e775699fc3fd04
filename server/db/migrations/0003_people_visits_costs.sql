CREATE TABLE `concern_answers` (
	`tag` text PRIMARY KEY NOT NULL,
	`answer_zh` text NOT NULL,
	`answer_en` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `stairwell_costs` (
	`stairwell_id` integer PRIMARY KEY NOT NULL,
	`coefficients` text NOT NULL,
	`lift_cost_yuan` integer NOT NULL,
	FOREIGN KEY (`stairwell_id`) REFERENCES `stairwells`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`canvasser_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`canvasser_id`) REFERENCES `canvassers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` text NOT NULL,
	`flat_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`canvasser_id` integer,
	`at` text NOT NULL,
	`outcome` text NOT NULL,
	`status_after` text NOT NULL,
	`concerns` text NOT NULL,
	`note` text,
	`next_visit_on` text,
	`compensation` text NOT NULL,
	`lat` real,
	`lng` real,
	`distance_m` real,
	`flag` text,
	`review` text DEFAULT 'none' NOT NULL,
	FOREIGN KEY (`flat_id`) REFERENCES `flats`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`canvasser_id`) REFERENCES `canvassers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `visits_client_id_unique` ON `visits` (`client_id`);--> statement-breakpoint
CREATE INDEX `visits_flat` ON `visits` (`flat_id`);--> statement-breakpoint
CREATE INDEX `visits_user_at` ON `visits` (`user_id`,`at`);--> statement-breakpoint
ALTER TABLE `consent_events` ADD `visit_id` integer;--> statement-breakpoint
ALTER TABLE `consent_events` ADD `conditions` text;--> statement-breakpoint
ALTER TABLE `flats` ADD `next_visit_on` text;--> statement-breakpoint
ALTER TABLE `flats` ADD `compensation` text DEFAULT '[]' NOT NULL;