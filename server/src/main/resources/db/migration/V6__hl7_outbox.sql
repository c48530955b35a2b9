-- Outbound HL7 messages, written in the transaction of the change they report (transactional outbox),
-- sent in order by one sender with retries, so that a change is reported exactly when it committed.
CREATE TABLE hl7_outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    message_type    VARCHAR(20)   NOT NULL,
    message         TEXT          NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    sent_at         TIMESTAMPTZ,
    last_error      VARCHAR(500)
);
CREATE INDEX hl7_outbox_due ON hl7_outbox (next_attempt_at, id) WHERE sent_at IS NULL;
