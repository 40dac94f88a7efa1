-- H2's closest equivalent of PostgreSQL's trigger (db/vendor/postgresql): a Java trigger that refuses every
-- UPDATE and DELETE of the PHI access log.
CREATE TRIGGER phi_access_log_no_update BEFORE UPDATE ON phi_access_log FOR EACH ROW
    CALL 'org.opengrievance.access.H2AppendOnlyTrigger';
CREATE TRIGGER phi_access_log_no_delete BEFORE DELETE ON phi_access_log FOR EACH ROW
    CALL 'org.opengrievance.access.H2AppendOnlyTrigger';
