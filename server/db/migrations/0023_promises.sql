CREATE TABLE `promises` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stairwell_id` integer NOT NULL,
	`flat_id` integer NOT NULL,
	`kind` text NOT NULL,
	`deliverer` text NOT NULL,
	`due_stage` text NOT NULL,
	`note` text,
	`made_by` text NOT NULL,
	`made_at` text NOT NULL,
	`delivered_on` text,
	`photo` blob,
	`photo_mime` text,
	`signed_off_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`stairwell_id`) REFERENCES `stairwells`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`flat_id`) REFERENCES `flats`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `promises_stairwell` ON `promises` (`stairwell_id`);--> statement-breakpoint
CREATE INDEX `promises_flat` ON `promises` (`flat_id`);