-- The wall counts stairwells waiting on money (estate map headline), so a split agreed or an amount recorded moves the
-- estate's revision like any write its map shows, from any connection.
CREATE TRIGGER cost_agreements_revision_on_insert AFTER INSERT ON cost_agreements
BEGIN UPDATE estates SET revision = revision + 1 WHERE id = (SELECT estate_id FROM stairwells WHERE id = NEW.stairwell_id); END;
--> statement-breakpoint
CREATE TRIGGER money_entries_revision_on_insert AFTER INSERT ON money_entries
BEGIN UPDATE estates SET revision = revision + 1 WHERE id = (SELECT estate_id FROM stairwells WHERE id = NEW.stairwell_id); END;
