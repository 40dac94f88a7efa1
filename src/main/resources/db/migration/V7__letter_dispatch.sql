-- Exactly-once email: before a letter is handed to the mail server its dispatch is claimed (SENDING, with the
-- Message-ID it will carry) in a transaction of its own, and marked SENT in another as soon as the server took
-- it. A retried job finds SENT (the email went: only the bookkeeping is redone) or SENDING (the node stopped
-- between the two: the letter may have gone, so it is never sent again automatically; staff decide).
CREATE TABLE letter_dispatch (
    letter_id   BIGINT        NOT NULL PRIMARY KEY REFERENCES letter (id),
    state       VARCHAR(10)   NOT NULL,
    message_id  VARCHAR(200)  NOT NULL,
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE
);
