-- What SQLite's migrations 0001 and 0006 do, in PL/pgSQL, plus a NOTIFY so
-- that every app server hears a commit to the change log at once.

-- Consent and stage events are the campaign's memory: never updated or deleted (SPEC §2).
CREATE FUNCTION liftmap_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;
--> statement-breakpoint
CREATE TRIGGER consent_events_append_only BEFORE UPDATE OR DELETE ON consent_events FOR EACH ROW EXECUTE FUNCTION liftmap_append_only();
--> statement-breakpoint
CREATE TRIGGER stage_events_append_only BEFORE UPDATE OR DELETE ON stage_events FOR EACH ROW EXECUTE FUNCTION liftmap_append_only();
--> statement-breakpoint

-- An estate's revision moves with every write that can change what its map or
-- the overview shows, from any connection or app server, so caches recompute
-- only the estates that changed. Statement-level with transition tables: an
-- import of 1,920 flats moves its estate's revision once, not 1,920 times.
-- (PL/pgSQL plans each branch when it first runs, so old_rows is only
-- looked up for UPDATE and DELETE.)
CREATE FUNCTION liftmap_estate_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'stairwells' THEN
    IF TG_OP = 'INSERT' THEN
      UPDATE estates SET revision = revision + 1 WHERE id IN (SELECT estate_id FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN
      UPDATE estates SET revision = revision + 1 WHERE id IN (SELECT estate_id FROM old_rows);
    ELSE
      UPDATE estates SET revision = revision + 1 WHERE id IN (SELECT estate_id FROM old_rows UNION SELECT estate_id FROM new_rows);
    END IF;
  ELSE
    IF TG_OP = 'INSERT' THEN
      UPDATE estates SET revision = revision + 1 WHERE id IN (SELECT s.estate_id FROM stairwells s WHERE s.id IN (SELECT stairwell_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
      UPDATE estates SET revision = revision + 1 WHERE id IN (SELECT s.estate_id FROM stairwells s WHERE s.id IN (SELECT stairwell_id FROM old_rows));
    ELSE
      UPDATE estates SET revision = revision + 1
      WHERE id IN (SELECT s.estate_id FROM stairwells s WHERE s.id IN (SELECT stairwell_id FROM old_rows UNION SELECT stairwell_id FROM new_rows));
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION liftmap_estate_own_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN UPDATE estates SET revision = revision + 1 WHERE id = NEW.id; RETURN NULL; END $$;
--> statement-breakpoint
-- Only the columns the map shows: the revision bump itself must not fire it again.
CREATE TRIGGER estates_revision_on_update AFTER UPDATE OF name, boundary, center_lng, center_lat, schematic, lessees_vote ON estates
FOR EACH ROW EXECUTE FUNCTION liftmap_estate_own_revision();
--> statement-breakpoint
CREATE TRIGGER stairwells_revision_on_insert AFTER INSERT ON stairwells REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION liftmap_estate_revision();
--> statement-breakpoint
CREATE TRIGGER stairwells_revision_on_update AFTER UPDATE ON stairwells REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION liftmap_estate_revision();
--> statement-breakpoint
CREATE TRIGGER stairwells_revision_on_delete AFTER DELETE ON stairwells REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION liftmap_estate_revision();
--> statement-breakpoint
CREATE TRIGGER flats_revision_on_insert AFTER INSERT ON flats REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION liftmap_estate_revision();
--> statement-breakpoint
CREATE TRIGGER flats_revision_on_update AFTER UPDATE ON flats REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION liftmap_estate_revision();
--> statement-breakpoint
CREATE TRIGGER flats_revision_on_delete AFTER DELETE ON flats REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION liftmap_estate_revision();
--> statement-breakpoint

-- Delivered when the transaction commits (never for one rolled back): each
-- app server LISTENs and reads the change log at once instead of at its next poll.
CREATE FUNCTION liftmap_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_notify('liftmap_changes', ''); RETURN NULL; END $$;
--> statement-breakpoint
CREATE TRIGGER change_log_notify AFTER INSERT ON change_log FOR EACH STATEMENT EXECUTE FUNCTION liftmap_notify_change();
