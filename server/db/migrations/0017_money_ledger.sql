CREATE TABLE `cost_agreements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stairwell_id` integer NOT NULL,
	`method` text NOT NULL,
	`agreed_on` text NOT NULL,
	`lift_cost_fen` integer NOT NULL,
	`coefficients` text,
	`custom` text,
	`recorded_by` text NOT NULL,
	`at` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`stairwell_id`) REFERENCES `stairwells`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cost_agreements_stairwell` ON `cost_agreements` (`stairwell_id`);--> statement-breakpoint
CREATE TABLE `money_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stairwell_id` integer NOT NULL,
	`flat_id` integer NOT NULL,
	`kind` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`on` text NOT NULL,
	`note` text,
	`recorded_by` text NOT NULL,
	`at` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`stairwell_id`) REFERENCES `stairwells`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`flat_id`) REFERENCES `flats`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `money_entries_stairwell` ON `money_entries` (`stairwell_id`);--> statement-breakpoint
CREATE TABLE `subsidy_claims` (
	`stairwell_id` integer PRIMARY KEY NOT NULL,
	`applied_on` text NOT NULL,
	`claimed_fen` integer NOT NULL,
	`received_on` text,
	`received_fen` integer,
	`recorded_by` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`stairwell_id`) REFERENCES `stairwells`(`id`) ON UPDATE no action ON DELETE no action
);
