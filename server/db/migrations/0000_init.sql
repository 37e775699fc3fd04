CREATE TABLE `buildings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`estate_id` integer NOT NULL,
	`code` text NOT NULL,
	`floors` integer DEFAULT 6 NOT NULL,
	`footprint` text NOT NULL,
	`extra` text NOT NULL,
	FOREIGN KEY (`estate_id`) REFERENCES `estates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `buildings_estate_code` ON `buildings` (`estate_id`,`code`);--> statement-breakpoint
CREATE TABLE `canvasser_stairwells` (
	`canvasser_id` integer NOT NULL,
	`stairwell_id` integer NOT NULL,
	PRIMARY KEY(`canvasser_id`, `stairwell_id`),
	FOREIGN KEY (`canvasser_id`) REFERENCES `canvassers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stairwell_id`) REFERENCES `stairwells`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `canvassers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`estate_id` integer NOT NULL,
	`external_id` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`party_group` text,
	FOREIGN KEY (`estate_id`) REFERENCES `estates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `canvassers_estate_external` ON `canvassers` (`estate_id`,`external_id`);--> statement-breakpoint
CREATE TABLE `consent_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`flat_id` integer NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`canvasser_id` integer,
	`at` text NOT NULL,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`flat_id`) REFERENCES `flats`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`canvasser_id`) REFERENCES `canvassers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consent_events_flat` ON `consent_events` (`flat_id`);--> statement-breakpoint
CREATE INDEX `consent_events_at` ON `consent_events` (`at`);--> statement-breakpoint
CREATE TABLE `estates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`boundary` text NOT NULL,
	`center_lng` real NOT NULL,
	`center_lat` real NOT NULL,
	`lessees_vote` integer DEFAULT true NOT NULL,
	`schematic` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `estates_slug_unique` ON `estates` (`slug`);--> statement-breakpoint
CREATE TABLE `fire_lanes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`estate_id` integer NOT NULL,
	`code` text NOT NULL,
	`line` text NOT NULL,
	`road_width_m` real NOT NULL,
	`clear_width_m` real DEFAULT 4 NOT NULL,
	`extra` text NOT NULL,
	FOREIGN KEY (`estate_id`) REFERENCES `estates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `flats` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stairwell_id` integer NOT NULL,
	`floor` integer NOT NULL,
	`room` text NOT NULL,
	`area_centi_m2` integer,
	`voter_id` integer NOT NULL,
	`residents` integer DEFAULT 0 NOT NULL,
	`aged_60_to_79` integer DEFAULT 0 NOT NULL,
	`aged_80_plus` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'unvisited' NOT NULL,
	`concerns` text NOT NULL,
	`note` text,
	`canvasser_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`stairwell_id`) REFERENCES `stairwells`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voter_id`) REFERENCES `voters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`canvasser_id`) REFERENCES `canvassers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `flats_stairwell_room` ON `flats` (`stairwell_id`,`room`);--> statement-breakpoint
CREATE INDEX `flats_voter` ON `flats` (`voter_id`);--> statement-breakpoint
CREATE TABLE `map_features` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`estate_id` integer NOT NULL,
	`kind` text NOT NULL,
	`geometry` text NOT NULL,
	`width_m` real,
	`extra` text NOT NULL,
	FOREIGN KEY (`estate_id`) REFERENCES `estates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `parking_spaces` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`estate_id` integer NOT NULL,
	`code` text NOT NULL,
	`polygon` text NOT NULL,
	`kind` text DEFAULT 'regular' NOT NULL,
	`extra` text NOT NULL,
	FOREIGN KEY (`estate_id`) REFERENCES `estates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `parking_estate_code` ON `parking_spaces` (`estate_id`,`code`);--> statement-breakpoint
CREATE TABLE `stage_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`stairwell_id` integer NOT NULL,
	`from_stage` text NOT NULL,
	`to_stage` text NOT NULL,
	`at` text NOT NULL,
	`reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`stairwell_id`) REFERENCES `stairwells`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stage_events_stairwell` ON `stage_events` (`stairwell_id`);--> statement-breakpoint
CREATE TABLE `stairwells` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`estate_id` integer NOT NULL,
	`building_id` integer NOT NULL,
	`door_number` text NOT NULL,
	`footprint` text NOT NULL,
	`door_lng` real NOT NULL,
	`door_lat` real NOT NULL,
	`elevator_site` text,
	`stage` text DEFAULT 'canvassing' NOT NULL,
	`stage_reason` text,
	`extra` text NOT NULL,
	FOREIGN KEY (`estate_id`) REFERENCES `estates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`building_id`) REFERENCES `buildings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stairwells_estate_door` ON `stairwells` (`estate_id`,`door_number`);--> statement-breakpoint
CREATE INDEX `stairwells_building` ON `stairwells` (`building_id`);--> statement-breakpoint
CREATE TABLE `voters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`estate_id` integer NOT NULL,
	`external_id` text NOT NULL,
	`name` text,
	`phone` text,
	FOREIGN KEY (`estate_id`) REFERENCES `estates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `voters_estate_external` ON `voters` (`estate_id`,`external_id`);