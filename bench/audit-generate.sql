-- Bench only (docs/performance.md, section d): closed cases for the auditor's queries, generated in bulk on
-- PostgreSQL by copying the read-model rows of real closed cases (templates) that the running app wrote itself
-- through the staff lifecycle over HTTP, so every row has exactly the shape the code writes. Engine tables
-- (ACT_*) are not copied: search, timeline and exports never read them (docs/read-model.md).
--
--   psql -v ON_ERROR_STOP=1 -f bench/audit-generate.sql          -- once: templates and the function
--   SELECT bench_generate(1, 10000);                              -- cases n = 1 .. 10000 (any later range adds)
--
-- What differs from a real case, on purpose:
--   * case numbers GRV-<year of receipt>-<n mod 1,000,000, 6 digits>: unique, but not consecutive within a year;
--     years 2016-2025, so they never meet the app's own 2026 sequence
--   * receipt instants spread over 2016-01-01 .. 2025-12-31 (day = n x 7919 mod 3652, time = n x 7919 mod 10 h):
--     any prefix 1..N is spread evenly; every instant of the copy moves by the same shift as its receipt
--   * patient name "Bench Patient <n>" (and its search key), process instance id "bench-<n>"
--   * letter.pdf is 4 bytes ("%PDF") instead of the template's ~50 KB (sha256 stays the template's): the
--     auditor's queries never read it, and 1M copies would be ~100 GB
--   * text columns have the template's case number replaced by the copy's; instants written inside JSON text
--     (case_event.detail) are not shifted
--   * letter ids are template id + n x 1,000,000 (letter_event, letter_dispatch, notification_event follow)

CREATE TABLE IF NOT EXISTS bench_template AS
SELECT (row_number() OVER (ORDER BY case_number)) - 1 AS t, case_number
FROM grievance_case
WHERE status = 'CLOSED' AND closure_reason = 'RESOLVED' AND case_number LIKE 'GRV-2026-%'
  AND complaint_text = 'The call bell went unanswered for forty minutes.'; -- the bench's own lifecycles

CREATE OR REPLACE FUNCTION bench_copy(tbl text, via_letter boolean) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    cols text := '';
    exprs text := '';
    c record;
    rows bigint;
BEGIN
    FOR c IN SELECT column_name, data_type, is_identity FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name = tbl ORDER BY ordinal_position LOOP
        IF c.is_identity = 'YES' AND NOT (tbl = 'letter' AND c.column_name = 'id') THEN
            CONTINUE; -- the table's own identity
        END IF;
        cols := cols || CASE WHEN cols = '' THEN '' ELSE ', ' END || quote_ident(c.column_name);
        exprs := exprs || CASE WHEN exprs = '' THEN '' ELSE ', ' END || CASE
            WHEN c.column_name = 'case_number' THEN 'm.new_case'
            WHEN tbl = 'letter' AND c.column_name = 'id' THEN 'x.id + m.n * 1000000'
            WHEN c.column_name = 'letter_id' THEN 'x.letter_id + m.n * 1000000'
            WHEN c.column_name = 'pdf' THEN 'decode(''25504446'', ''hex'')'
            WHEN c.column_name = 'process_instance_id' THEN '''bench-'' || m.n'
            WHEN c.column_name = 'patient_name' THEN '''Bench Patient '' || m.n'
            WHEN c.column_name = 'patient_name_key' THEN '''bench patient '' || m.n'
            WHEN c.data_type = 'timestamp with time zone' THEN 'x.' || quote_ident(c.column_name) || ' + m.shift'
            WHEN c.data_type IN ('character varying', 'text') THEN
                'replace(x.' || quote_ident(c.column_name) || ', m.tmpl, m.new_case)'
            ELSE 'x.' || quote_ident(c.column_name) END;
    END LOOP;
    IF via_letter THEN
        EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM %I x JOIN letter l ON l.id = x.letter_id '
                || 'JOIN bench_map m ON m.tmpl = l.case_number', tbl, cols, exprs, tbl);
    ELSE
        EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM %I x JOIN bench_map m ON m.tmpl = x.case_number',
                tbl, cols, exprs, tbl);
    END IF;
    GET DIAGNOSTICS rows = ROW_COUNT;
    RETURN rows;
END $$;

CREATE OR REPLACE FUNCTION bench_generate(from_n bigint, to_n bigint) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    total bigint := 0;
    tbl text;
BEGIN
    DROP TABLE IF EXISTS bench_map;
    CREATE TEMP TABLE bench_map AS
    WITH s AS (
        SELECT n, timestamptz '2016-01-01 00:00:00 America/Chicago'
                   + ((n * 7919) % 3652) * interval '1 day' + ((n * 7919) % 36000) * interval '1 second' AS target
        FROM generate_series(from_n, to_n) n)
    SELECT s.n, bt.case_number AS tmpl, s.target - g.received_at AS shift,
           'GRV-' || to_char(s.target AT TIME ZONE 'America/Chicago', 'YYYY') || '-'
               || lpad((s.n % 1000000)::text, 6, '0') AS new_case
    FROM s
    JOIN bench_template bt ON bt.t = s.n % (SELECT count(*) FROM bench_template)
    JOIN grievance_case g ON g.case_number = bt.case_number;
    -- parents before children (foreign keys)
    FOREACH tbl IN ARRAY ARRAY['grievance_case', 'case_clock', 'classification_event', 'clock_event', 'case_event',
            'letter', 'notification_event', 'letter_preference', 'phi_access_log'] LOOP
        total := total + bench_copy(tbl, false);
    END LOOP;
    total := total + bench_copy('letter_event', true) + bench_copy('letter_dispatch', true);
    RETURN total;
END $$;
