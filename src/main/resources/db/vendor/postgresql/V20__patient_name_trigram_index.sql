-- The auditor's search by part of a patient name (casesearch: patient_name_key LIKE '%..%'): no btree serves a
-- leading wildcard, so PostgreSQL scanned every case (docs/performance.md, section d: p95 321 ms at 300,000 closed
-- cases, growing linearly). A trigram GIN index serves it. pg_trgm ships with PostgreSQL and is a trusted
-- extension since 13 (the database owner may create it); where it is missing or not allowed the migration goes on
-- without the index, says so, and the search stays a scan (slower at scale, never wrong).
DO $$
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
        RAISE WARNING 'pg_trgm is not available: the search by part of a patient name is not indexed (docs/performance.md)';
        RETURN;
    END;
    EXECUTE 'CREATE INDEX grievance_case_patient_trgm_idx ON grievance_case USING gin (patient_name_key gin_trgm_ops)';
END $$;
