-- The point-of-care facts recorded when a suggested grievance is changed to a complaint (CMS-HOSP-2(a), (i)):
-- who resolved it at the time, what was done, that the patient was satisfied, and who recorded it.
ALTER TABLE grievance_case ADD COLUMN poc_resolved_by VARCHAR(200);
ALTER TABLE grievance_case ADD COLUMN poc_action VARCHAR(4000);
ALTER TABLE grievance_case ADD COLUMN poc_patient_satisfied BOOLEAN;
ALTER TABLE grievance_case ADD COLUMN poc_recorded_by VARCHAR(64);
ALTER TABLE grievance_case ADD COLUMN poc_recorded_at TIMESTAMP WITH TIME ZONE;
