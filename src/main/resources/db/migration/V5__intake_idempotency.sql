-- POST /api/grievances with an Idempotency-Key: the first answer, kept for 24 hours, so that a client that
-- retries after a lost answer gets the same case instead of a second grievance. No patient data is kept here.
CREATE TABLE intake_idempotency (
    requested_by    VARCHAR(64)   NOT NULL,
    idempotency_key VARCHAR(200)  NOT NULL,
    body_sha256     CHAR(64)      NOT NULL,
    case_number     VARCHAR(20)   NOT NULL REFERENCES grievance_case (case_number),
    answer_json     VARCHAR(4000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (requested_by, idempotency_key)
);
