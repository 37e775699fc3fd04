-- The wall colours a lift in service by its health (visits, faults, its agreement), so these writes move the estate's
-- revision like any write its map shows, from any connection or app server.
CREATE TRIGGER maintenance_visits_revision_on_insert AFTER INSERT ON maintenance_visits REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION liftmap_estate_revision();
--> statement-breakpoint
CREATE TRIGGER lift_faults_revision_on_insert AFTER INSERT ON lift_faults REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION liftmap_estate_revision();
--> statement-breakpoint
CREATE TRIGGER lift_faults_revision_on_update AFTER UPDATE ON lift_faults REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION liftmap_estate_revision();
--> statement-breakpoint
CREATE TRIGGER lift_services_revision_on_insert AFTER INSERT ON lift_services REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION liftmap_estate_revision();
