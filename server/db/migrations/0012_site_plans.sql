CREATE TABLE `site_plans` (
	`estate_id` integer PRIMARY KEY NOT NULL,
	`mime` text NOT NULL,
	`image` blob NOT NULL,
	`sha256` text NOT NULL,
	`width_px` integer NOT NULL,
	`height_px` integer NOT NULL,
	`points` text NOT NULL,
	`corners` text,
	`opacity` real DEFAULT 0.6 NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`estate_id`) REFERENCES `estates`(`id`) ON UPDATE no action ON DELETE no action
);
