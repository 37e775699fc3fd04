-- Consent and stage events are the campaign's memory: never updated or deleted (SPEC §2).
CREATE TRIGGER consent_events_no_update BEFORE UPDATE ON consent_events
BEGIN SELECT RAISE(ABORT, 'consent_events is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER consent_events_no_delete BEFORE DELETE ON consent_events
BEGIN SELECT RAISE(ABORT, 'consent_events is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER stage_events_no_update BEFORE UPDATE ON stage_events
BEGIN SELECT RAISE(ABORT, 'stage_events is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER stage_events_no_delete BEFORE DELETE ON stage_events
BEGIN SELECT RAISE(ABORT, 'stage_events is append-only'); END;
