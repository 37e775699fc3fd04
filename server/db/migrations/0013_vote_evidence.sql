CREATE TABLE `evidence_access` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`evidence_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`part` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`evidence_id`) REFERENCES `vote_evidence`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evidence_access_evidence` ON `evidence_access` (`evidence_id`);--> statement-breakpoint
CREATE TABLE `vote_evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` text NOT NULL,
	`stairwell_id` integer NOT NULL,
	`flat_id` integer NOT NULL,
	`voter_id` integer NOT NULL,
	`vote` text NOT NULL,
	`method` text NOT NULL,
	`consent_text` text NOT NULL,
	`signature` blob,
	`signature_sha256` text,
	`photo` blob,
	`photo_mime` text,
	`photo_sha256` text,
	`bytes` integer NOT NULL,
	`visit_id` integer,
	`recorded_by` integer NOT NULL,
	`recorded_at` text NOT NULL,
	`review` text DEFAULT 'pending' NOT NULL,
	`reviewed_by` integer,
	`reviewed_at` text,
	`review_note` text,
	FOREIGN KEY (`stairwell_id`) REFERENCES `stairwells`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`flat_id`) REFERENCES `flats`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voter_id`) REFERENCES `voters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vote_evidence_client_id_unique` ON `vote_evidence` (`client_id`);--> statement-breakpoint
CREATE INDEX `vote_evidence_voter` ON `vote_evidence` (`stairwell_id`,`voter_id`);--> statement-breakpoint
CREATE INDEX `vote_evidence_review` ON `vote_evidence` (`review`);--> statement-breakpoint
-- A vote's evidence is a legal record: never deleted, its files and text never rewritten; only staff's review moves.
CREATE TRIGGER vote_evidence_no_delete BEFORE DELETE ON vote_evidence
BEGIN SELECT RAISE(ABORT, 'vote_evidence is kept: evidence is never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER vote_evidence_files_fixed BEFORE UPDATE OF client_id, stairwell_id, flat_id, voter_id, vote, method, consent_text, signature, signature_sha256, photo, photo_mime, photo_sha256, bytes, recorded_by, recorded_at ON vote_evidence
BEGIN SELECT RAISE(ABORT, 'vote_evidence files are never rewritten'); END;
--> statement-breakpoint
CREATE TRIGGER evidence_access_no_update BEFORE UPDATE ON evidence_access
BEGIN SELECT RAISE(ABORT, 'evidence_access is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER evidence_access_no_delete BEFORE DELETE ON evidence_access
BEGIN SELECT RAISE(ABORT, 'evidence_access is append-only'); END;
