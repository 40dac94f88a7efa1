-- Letters record the language the recipient asked for next to the one the letter is written in (a language
-- without templates gets the default language's letter with the taglines), and whether it was printed large.
ALTER TABLE letter ADD COLUMN requested_language VARCHAR(8);
ALTER TABLE letter ADD COLUMN large_print BOOLEAN DEFAULT FALSE NOT NULL;

-- How a patient or enrollee wants letters: large print on request (ADA, Section 1557 auxiliary aids). Set by
-- intake or patient relations; one row per case, the latest choice, with who set it and when.
CREATE TABLE letter_preference (
    case_number  VARCHAR(20)   PRIMARY KEY REFERENCES grievance_case (case_number),
    large_print  BOOLEAN       NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)
);
