CREATE TABLE `legal_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stairwell_id` integer NOT NULL,
	`kind` text NOT NULL,
	`on` text NOT NULL,
	`reference` text,
	`note` text,
	`recorded_by` text NOT NULL,
	`at` text NOT NULL,
	`withdrawn_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`stairwell_id`) REFERENCES `stairwells`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `legal_records_stairwell` ON `legal_records` (`stairwell_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_objections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stairwell_id` integer NOT NULL,
	`flat_id` integer,
	`from_address` text,
	`distance_m` integer,
	`postmarked_on` text,
	`received_on` text NOT NULL,
	`content` text NOT NULL,
	`status` text DEFAULT 'mediating' NOT NULL,
	`resolution_note` text,
	`resolved_on` text,
	`bureau_answer` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`stairwell_id`) REFERENCES `stairwells`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`flat_id`) REFERENCES `flats`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_objections`("id", "stairwell_id", "flat_id", "received_on", "content", "status", "resolution_note", "resolved_on", "created_at") SELECT "id", "stairwell_id", "flat_id", "received_on", "content", "status", "resolution_note", "resolved_on", "created_at" FROM `objections`;--> statement-breakpoint
DROP TABLE `objections`;--> statement-breakpoint
ALTER TABLE `__new_objections` RENAME TO `objections`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `objections_stairwell` ON `objections` (`stairwell_id`);--> statement-breakpoint
-- A registration number recorded with 运行维保 (before 使用登记 was a step of its own) becomes its legal record, dated as the stage.
INSERT INTO `legal_records` (`stairwell_id`, `kind`, `on`, `reference`, `note`, `recorded_by`, `at`)
SELECT e.`stairwell_id`, 'registration', COALESCE(e.`effective_on`, substr(e.`at`, 1, 10)), json_extract(e.`details`, '$.registrationNumber'), '随“运行维保”登记，迁移', '迁移', e.`at`
FROM `stage_events` e
WHERE e.`to_stage` = 'in_service' AND json_extract(e.`details`, '$.registrationNumber') IS NOT NULL AND e.`undoes` IS NULL
  AND NOT EXISTS (SELECT 1 FROM `stage_events` u WHERE u.`undoes` = e.`id`);
