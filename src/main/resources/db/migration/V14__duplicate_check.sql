-- E7 duplicates: the open cases shown at intake as possible duplicates of a new contact (what the intake person
-- saw, with how alike the texts were), and what they decided: a new case, or attached to one of them as a new
-- issue line (the contact is then closed DUPLICATE_ATTACHED and points at the open case).
CREATE TABLE duplicate_candidate (
    case_number            VARCHAR(20)   NOT NULL REFERENCES grievance_case (case_number),
    candidate_case_number  VARCHAR(20)   NOT NULL REFERENCES grievance_case (case_number),
    similarity             DECIMAL(5, 4) NOT NULL,
    listed_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_number, candidate_case_number)
);

CREATE INDEX duplicate_candidate_listed_idx ON duplicate_candidate (candidate_case_number);

-- NEW or ATTACHED; null: no candidate was found, or the check is still open
ALTER TABLE grievance_case ADD COLUMN duplicate_decision VARCHAR(10);
ALTER TABLE grievance_case ADD COLUMN duplicate_decided_by VARCHAR(64);
ALTER TABLE grievance_case ADD COLUMN duplicate_decided_at TIMESTAMP WITH TIME ZONE;
-- the open case this contact was attached to
ALTER TABLE grievance_case ADD COLUMN attached_to VARCHAR(20);

CREATE INDEX grievance_case_member_idx ON grievance_case (member_id);
