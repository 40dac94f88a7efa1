-- Bench only (docs/performance.md, section c): open cases with running clocks, generated in bulk on PostgreSQL
-- by copying everything the running app and its engine wrote for a few real open cases (templates) that the
-- bench logged over HTTP (intake, then the confirmed classification, which sets the clock's timers) with the
-- job executor off. Copied: the process instance tree of each template (the grievance instance and the clock
-- instances it calls) in every engine table, runtime and history (executions, tasks, identity links, variables,
-- byte arrays, jobs with their due dates, event subscriptions, authorizations, activity/task/variable/decision
-- history, job log), and the case's read-model rows. The engine then sees each copy as its own case: its timer
-- jobs fire, its clock instance runs on, its read-model rows are updated.
--
--   psql -v ON_ERROR_STOP=1 -f bench/open-generate.sql        -- once: the functions and tables
--   INSERT INTO bench_open_template VALUES ('due', 'GRV-2026-000010'), ...;   -- the templates, by kind
--   SELECT bench_open_prepare();                               -- the templates' rows, found and kept once
--                                                              -- (bench_snap_<table>), before any firing
--   SELECT bench_open_generate('due', 1, 10000, 1);            -- copies n = 1 .. 10000 of the 'due' templates
--
-- What differs from a case logged over HTTP, on purpose:
--   * every id of the copied tree is the template's id (a UUID, or an activity id + ':' + a UUID) with the UUID's
--     last 12 hex digits (its node) replaced by 'b' + the round (2 hex) + n (9 hex), consistently in every column
--     that holds an instance-scoped id: the length stays, and no node of the engine's own ids starts so
--   * the case number is the next value of grievance_case_number_seq (as CaseNumbers does), so it is unique and
--     the app's later cases follow it; it replaces the template's number in every text column
--   * all instants are the template's: copies of one template share receipt, due instants and timer due dates
--     (that is the point: they come due together)
--   * foreign keys are not checked while copying (session_replication_role = replica: the bench connects as the
--     superuser postgres); the copies point only at rows of their own tree, or at the definitions the template uses
--   * the case number is replaced in the read model's text columns and in the engine's value columns (variables,
--     details, operation log, incident messages), where the engine writes it
--   * the patient and complaint are the template's; ids written inside JSON text (case_event.detail) are not
--     rewritten

CREATE TABLE IF NOT EXISTS bench_open_template (kind text NOT NULL, case_number text PRIMARY KEY);
CREATE TABLE IF NOT EXISTS bench_open_tree (tmpl text NOT NULL, id text PRIMARY KEY);
CREATE TABLE IF NOT EXISTS bench_open_case (n bigint NOT NULL, kind text NOT NULL, round int NOT NULL,
    tmpl text NOT NULL, case_number text PRIMARY KEY);

-- columns that hold an id of a row of the copied tree (never a definition, deployment, user or group)
CREATE OR REPLACE FUNCTION bench_open_is_tree_column(col text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT col IN ('id_', 'parent_act_inst_id_', 'root_proc_inst_id_', 'proc_inst_id_', 'execution_id_', 'task_id_',
        'call_proc_inst_id_', 'act_inst_id_', 'var_inst_id_', 'bytearray_id_', 'dec_inst_id_', 'root_dec_inst_id_',
        'parent_id_', 'super_exec_', 'process_instance_id_', 'job_id_', 'job_exception_stack_id_',
        'exception_stack_id_', 'super_process_instance_id_', 'operation_id_', 'parent_task_id_', 'resource_id_',
        'cause_incident_id_', 'root_cause_incident_id_', 'last_failure_log_id_', 'error_details_id_', 'content_id_',
        'restarted_proc_inst_id_', 'var_scope_')
$$;

-- engine tables in foreign-key order (parents first); the case tables of the read model follow
CREATE OR REPLACE FUNCTION bench_open_engine_tables() RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY['act_ge_bytearray', 'act_ru_execution', 'act_ru_task', 'act_ru_identitylink', 'act_ru_variable',
        'act_ru_job', 'act_ru_event_subscr', 'act_ru_incident', 'act_ru_ext_task', 'act_ru_authorization',
        'act_hi_procinst', 'act_hi_actinst', 'act_hi_taskinst', 'act_hi_varinst', 'act_hi_detail',
        'act_hi_identitylink', 'act_hi_decinst', 'act_hi_dec_in', 'act_hi_dec_out', 'act_hi_job_log',
        'act_hi_op_log', 'act_hi_incident', 'act_hi_comment', 'act_hi_attachment', 'act_hi_ext_task_log']
$$;

CREATE OR REPLACE FUNCTION bench_open_case_tables() RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY['grievance_case', 'case_clock', 'classification_event', 'clock_event', 'case_event', 'letter',
        'notification_event', 'letter_preference', 'duplicate_candidate', 'phi_access_log']
$$;

-- The ids of every engine row of each template's tree: its process instances (by business key and by root),
-- then, until nothing new is found, every row that points at an id already found, and the byte arrays they use.
CREATE OR REPLACE FUNCTION bench_open_prepare() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    tbl text;
    c record;
    added bigint;
    found_rows bigint;
BEGIN
    TRUNCATE bench_open_tree;
    INSERT INTO bench_open_tree (tmpl, id)
    SELECT DISTINCT t.case_number, e.id_ FROM bench_open_template t
    JOIN act_ru_execution r ON r.business_key_ = t.case_number AND r.id_ = r.proc_inst_id_
    JOIN act_ru_execution e ON e.root_proc_inst_id_ = r.id_ OR e.proc_inst_id_ = r.id_;
    LOOP
        added := 0;
        FOREACH tbl IN ARRAY bench_open_engine_tables() LOOP
            FOR c IN SELECT column_name FROM information_schema.columns
                     WHERE table_schema = current_schema() AND table_name = tbl AND column_name <> 'id_'
                       AND bench_open_is_tree_column(column_name) LOOP
                -- rows pointing at a tree id
                EXECUTE format('INSERT INTO bench_open_tree (tmpl, id) SELECT DISTINCT s.tmpl, x.id_ FROM %I x '
                        || 'JOIN bench_open_tree s ON s.id = x.%I ON CONFLICT DO NOTHING', tbl, c.column_name);
                GET DIAGNOSTICS found_rows = ROW_COUNT;
                added := added + found_rows;
                -- byte arrays a tree row uses
                IF c.column_name IN ('bytearray_id_', 'job_exception_stack_id_', 'exception_stack_id_',
                                     'error_details_id_', 'content_id_') THEN
                    EXECUTE format('INSERT INTO bench_open_tree (tmpl, id) SELECT DISTINCT s.tmpl, x.%I FROM %I x '
                            || 'JOIN bench_open_tree s ON s.id = x.id_ WHERE x.%I IS NOT NULL ON CONFLICT DO NOTHING',
                            c.column_name, tbl, c.column_name);
                    GET DIAGNOSTICS found_rows = ROW_COUNT;
                    added := added + found_rows;
                END IF;
            END LOOP;
        END LOOP;
        EXIT WHEN added = 0;
    END LOOP;
    IF EXISTS (SELECT 1 FROM bench_open_tree
               WHERE id !~ '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') THEN
        RAISE EXCEPTION 'a template id does not end in a UUID: %',
            (SELECT min(id) FROM bench_open_tree WHERE id !~ '[0-9a-f]{12}$');
    END IF;
    -- the templates as they are now, before any of their timers fires: every round copies this state
    FOREACH tbl IN ARRAY bench_open_engine_tables() LOOP
        EXECUTE format('DROP TABLE IF EXISTS %I', 'bench_snap_' || tbl);
        EXECUTE format('CREATE TABLE %I AS SELECT x.*, s.tmpl AS bench_tmpl FROM %I x '
                || 'JOIN bench_open_tree s ON s.id = x.id_', 'bench_snap_' || tbl, tbl);
    END LOOP;
    FOREACH tbl IN ARRAY bench_open_case_tables() LOOP
        EXECUTE format('DROP TABLE IF EXISTS %I', 'bench_snap_' || tbl);
        EXECUTE format('CREATE TABLE %I AS SELECT x.* FROM %I x JOIN bench_open_template t '
                || 'ON t.case_number = x.case_number', 'bench_snap_' || tbl, tbl);
    END LOOP;
    RETURN (SELECT count(*) FROM bench_open_tree);
END $$;

CREATE OR REPLACE FUNCTION bench_open_copy(tbl text, engine boolean) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    cols text := '';
    exprs text := '';
    c record;
    copied bigint;
BEGIN
    FOR c IN SELECT column_name, data_type, is_identity FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name = tbl ORDER BY ordinal_position LOOP
        IF c.is_identity = 'YES' OR (NOT engine AND c.column_name = 'id'
                AND c.data_type = 'bigint' AND tbl <> 'letter') THEN
            CONTINUE; -- the table's own identity
        END IF;
        cols := cols || CASE WHEN cols = '' THEN '' ELSE ', ' END || quote_ident(c.column_name);
        exprs := exprs || CASE WHEN exprs = '' THEN '' ELSE ', ' END || CASE
            WHEN engine AND bench_open_is_tree_column(c.column_name) THEN 'left(x.' || quote_ident(c.column_name) || ', -12) || m.sfx'
            WHEN engine AND c.column_name = 'business_key_' THEN 'CASE WHEN x.business_key_ IS NULL THEN NULL ELSE m.case_number END'
            WHEN NOT engine AND c.column_name = 'case_number' THEN 'm.case_number'
            WHEN NOT engine AND c.column_name = 'process_instance_id' THEN 'left(x.process_instance_id, -12) || m.sfx'
            WHEN NOT engine AND tbl = 'letter' AND c.column_name = 'id' THEN 'x.id + m.n * 1000000 + m.round * 100000000000'
            WHEN NOT engine AND c.column_name = 'letter_id' THEN 'x.letter_id + m.n * 1000000 + m.round * 100000000000'
            WHEN c.data_type IN ('character varying', 'text') AND (NOT engine
                    OR c.column_name IN ('text_', 'text2_', 'name_', 'org_value_', 'new_value_', 'incident_msg_')) THEN
                'replace(x.' || quote_ident(c.column_name) || ', m.tmpl, m.case_number)'
            ELSE 'x.' || quote_ident(c.column_name) END;
    END LOOP;
    IF engine THEN
        EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM %I x JOIN bench_open_map m ON m.tmpl = x.bench_tmpl',
                tbl, cols, exprs, 'bench_snap_' || tbl);
    ELSE
        EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM %I x JOIN bench_open_map m ON m.tmpl = x.case_number',
                tbl, cols, exprs, 'bench_snap_' || tbl);
    END IF;
    GET DIAGNOSTICS copied = ROW_COUNT;
    RETURN copied;
END $$;

CREATE OR REPLACE FUNCTION bench_open_generate(of_kind text, from_n bigint, to_n bigint, in_round int)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    total bigint := 0;
    tbl text;
BEGIN
    DROP TABLE IF EXISTS bench_open_map;
    CREATE TEMP TABLE bench_open_map AS
    WITH t AS (SELECT (row_number() OVER (ORDER BY case_number)) - 1 AS k, case_number FROM bench_open_template
               WHERE kind = of_kind),
         s AS (SELECT n FROM generate_series(from_n, to_n) n ORDER BY n)
    SELECT s.n, in_round AS round, t.case_number AS tmpl, 'b' || lpad(to_hex(in_round), 2, '0') || lpad(to_hex(s.n), 9, '0') AS sfx,
           'GRV-' || to_char(g.received_at AT TIME ZONE g.facility_zone, 'YYYY') || '-'
               || lpad(nextval('grievance_case_number_seq')::text, 6, '0') AS case_number
    FROM s
    JOIN t ON t.k = s.n % (SELECT count(*) FROM t)
    JOIN grievance_case g ON g.case_number = t.case_number;
    CREATE INDEX ON bench_open_map (tmpl);
    ANALYZE bench_open_map;
    INSERT INTO bench_open_case SELECT n, of_kind, round, tmpl, case_number FROM bench_open_map;
    -- the copies are consistent by construction: no foreign-key triggers row by row (superuser only; the
    -- setting ends with the transaction)
    SET LOCAL session_replication_role = replica;
    FOREACH tbl IN ARRAY bench_open_engine_tables() LOOP
        total := total + bench_open_copy(tbl, true);
    END LOOP;
    FOREACH tbl IN ARRAY bench_open_case_tables() LOOP
        total := total + bench_open_copy(tbl, false);
    END LOOP;
    RETURN total;
END $$;
