-- The PHI access log is append-only for every role, the table's owner included: a row can be added, never
-- changed or removed (TRUNCATE too). Only a superuser who drops the trigger could; that is an act outside the
-- application, visible in the server's own log.
CREATE FUNCTION phi_access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'phi_access_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER phi_access_log_no_change BEFORE UPDATE OR DELETE ON phi_access_log
    FOR EACH ROW EXECUTE FUNCTION phi_access_log_append_only();
CREATE TRIGGER phi_access_log_no_truncate BEFORE TRUNCATE ON phi_access_log
    FOR EACH STATEMENT EXECUTE FUNCTION phi_access_log_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON phi_access_log FROM PUBLIC;
