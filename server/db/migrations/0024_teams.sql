CREATE TABLE `team_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stairwell_id` integer NOT NULL,
	`canvasser_id` integer NOT NULL,
	`post` text NOT NULL,
	`duty` text NOT NULL,
	`since` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`stairwell_id`) REFERENCES `stairwells`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`canvasser_id`) REFERENCES `canvassers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `team_members_post` ON `team_members` (`stairwell_id`,`canvasser_id`,`post`);--> statement-breakpoint
CREATE INDEX `team_members_canvasser` ON `team_members` (`canvasser_id`);