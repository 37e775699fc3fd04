-- The wall colours a lift in service by its health (visits, faults, its agreement), so these writes move the estate's
-- revision like any write its map shows, from any connection.
CREATE TRIGGER maintenance_visits_revision_on_insert AFTER INSERT ON maintenance_visits
BEGIN UPDATE estates SET revision = revision + 1 WHERE id = (SELECT estate_id FROM stairwells WHERE id = NEW.stairwell_id); END;
--> statement-breakpoint
CREATE TRIGGER lift_faults_revision_on_insert AFTER INSERT ON lift_faults
BEGIN UPDATE estates SET revision = revision + 1 WHERE id = (SELECT estate_id FROM stairwells WHERE id = NEW.stairwell_id); END;
--> statement-breakpoint
CREATE TRIGGER lift_faults_revision_on_update AFTER UPDATE ON lift_faults
BEGIN UPDATE estates SET revision = revision + 1 WHERE id = (SELECT estate_id FROM stairwells WHERE id = NEW.stairwell_id); END;
--> statement-breakpoint
CREATE TRIGGER lift_services_revision_on_insert AFTER INSERT ON lift_services
BEGIN UPDATE estates SET revision = revision + 1 WHERE id = (SELECT estate_id FROM stairwells WHERE id = NEW.stairwell_id); END;
