-- The wall counts stairwells waiting on money (estate map headline), so a split agreed or an amount recorded moves the
-- estate's revision like any write its map shows, from any connection or app server.
CREATE TRIGGER cost_agreements_revision_on_insert AFTER INSERT ON cost_agreements REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION liftmap_estate_revision();
--> statement-breakpoint
CREATE TRIGGER money_entries_revision_on_insert AFTER INSERT ON money_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION liftmap_estate_revision();
