CREATE TABLE `change_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`estate_id` integer,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `change_log_estate` ON `change_log` (`estate_id`,`id`);--> statement-breakpoint
ALTER TABLE `users` ADD `disabled_at` text;