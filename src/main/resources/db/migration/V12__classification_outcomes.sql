-- Issue 12: what classification decides on beyond the CMS-HOSP-2 flags, where a non-grievance goes, the hand-off of a
-- coverage request or appeal to the appeals team, and who filed (E8). The representative's details are case record
-- only: the letters need them, no engine variable holds them.
ALTER TABLE grievance_case ADD COLUMN subject VARCHAR(30);
ALTER TABLE grievance_case ADD COLUMN requested_action VARCHAR(30);
ALTER TABLE grievance_case ADD COLUMN patient_identified BOOLEAN;
-- NOT_A_GRIEVANCE: PATIENT_FINANCIAL_SERVICES, SURVEY_FEEDBACK or INQUIRY
ALTER TABLE grievance_case ADD COLUMN route VARCHAR(40);
ALTER TABLE grievance_case ADD COLUMN handoff_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE grievance_case ADD COLUMN handoff_citation VARCHAR(200);
ALTER TABLE grievance_case ADD COLUMN handoff_reference VARCHAR(100);
ALTER TABLE grievance_case ADD COLUMN requester_name VARCHAR(200);
ALTER TABLE grievance_case ADD COLUMN requester_relationship VARCHAR(100);
ALTER TABLE grievance_case ADD COLUMN requester_authority VARCHAR(20);
ALTER TABLE grievance_case ADD COLUMN requester_address VARCHAR(500);
ALTER TABLE grievance_case ADD COLUMN requester_email VARCHAR(200);

CREATE INDEX grievance_case_route_idx ON grievance_case (route);
