ALTER TABLE `estates` ADD `first_event_at` text;--> statement-breakpoint
-- The campaign's first consent event per estate, kept as events are recorded
-- (by any command, import or process), so checking a visit's date does not
-- scan the whole campaign under the write lock.
UPDATE estates SET first_event_at = (
  SELECT min(ce.at) FROM consent_events ce JOIN flats f ON f.id = ce.flat_id JOIN stairwells s ON s.id = f.stairwell_id WHERE s.estate_id = estates.id
);--> statement-breakpoint
CREATE TRIGGER consent_events_first_event_at AFTER INSERT ON consent_events
BEGIN
  UPDATE estates SET first_event_at = NEW.at
  WHERE id = (SELECT s.estate_id FROM flats f JOIN stairwells s ON s.id = f.stairwell_id WHERE f.id = NEW.flat_id)
    AND (first_event_at IS NULL OR first_event_at > NEW.at);
END;
