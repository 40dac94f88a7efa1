-- The auditor's search by case number or its beginning (casesearch: case_number LIKE 'GRV-2026-00%'): the primary
-- key's btree cannot serve a LIKE prefix unless the database's collation is C, so PostgreSQL scanned every case
-- (docs/performance.md, section d: 72 ms at 300,000 closed cases and growing linearly; 0.05 ms with this index).
-- PostgreSQL only: H2 (the demo database) was not measured at that size.
CREATE INDEX grievance_case_number_pattern_idx ON grievance_case (case_number varchar_pattern_ops);
