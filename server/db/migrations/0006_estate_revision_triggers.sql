-- An estate's revision moves with every write that can change what its map or
-- the subdistrict overview shows, from any connection (a CLI import while the
-- server runs included), so caches recompute only the estates that changed.
CREATE TRIGGER estates_revision_on_update AFTER UPDATE OF name, boundary, center_lng, center_lat, schematic, lessees_vote ON estates
BEGIN UPDATE estates SET revision = revision + 1 WHERE id = NEW.id; END;
--> statement-breakpoint
CREATE TRIGGER stairwells_revision_on_insert AFTER INSERT ON stairwells
BEGIN UPDATE estates SET revision = revision + 1 WHERE id = NEW.estate_id; END;
--> statement-breakpoint
CREATE TRIGGER stairwells_revision_on_update AFTER UPDATE ON stairwells
BEGIN UPDATE estates SET revision = revision + 1 WHERE id IN (OLD.estate_id, NEW.estate_id); END;
--> statement-breakpoint
CREATE TRIGGER stairwells_revision_on_delete AFTER DELETE ON stairwells
BEGIN UPDATE estates SET revision = revision + 1 WHERE id = OLD.estate_id; END;
--> statement-breakpoint
CREATE TRIGGER flats_revision_on_insert AFTER INSERT ON flats
BEGIN UPDATE estates SET revision = revision + 1 WHERE id = (SELECT estate_id FROM stairwells WHERE id = NEW.stairwell_id); END;
--> statement-breakpoint
CREATE TRIGGER flats_revision_on_update AFTER UPDATE ON flats
BEGIN UPDATE estates SET revision = revision + 1 WHERE id IN (SELECT estate_id FROM stairwells WHERE id IN (OLD.stairwell_id, NEW.stairwell_id)); END;
--> statement-breakpoint
CREATE TRIGGER flats_revision_on_delete AFTER DELETE ON flats
BEGIN UPDATE estates SET revision = revision + 1 WHERE id = (SELECT estate_id FROM stairwells WHERE id = OLD.stairwell_id); END;
