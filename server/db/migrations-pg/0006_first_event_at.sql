ALTER TABLE "estates" ADD COLUMN "first_event_at" text;--> statement-breakpoint
-- The campaign's first consent event per estate, kept as events are recorded
-- (by any command, import or app server), so checking a visit's date does not
-- scan the whole campaign under the write lock. Statement-level: an import's
-- thousands of events update each estate once.
UPDATE estates SET first_event_at = (
  SELECT min(ce.at) FROM consent_events ce JOIN flats f ON f.id = ce.flat_id JOIN stairwells s ON s.id = f.stairwell_id WHERE s.estate_id = estates.id
);--> statement-breakpoint
CREATE FUNCTION liftmap_first_event_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE estates e SET first_event_at = n.at
  FROM (SELECT s.estate_id, min(r.at) AS at FROM new_rows r JOIN flats f ON f.id = r.flat_id JOIN stairwells s ON s.id = f.stairwell_id GROUP BY s.estate_id) n
  WHERE e.id = n.estate_id AND (e.first_event_at IS NULL OR e.first_event_at > n.at);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER consent_events_first_event_at AFTER INSERT ON consent_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION liftmap_first_event_at();
