ALTER TABLE `stairwells` ADD `door_adjusted` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `stairwells` ADD `site_adjusted` integer DEFAULT false NOT NULL;