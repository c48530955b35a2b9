-- Every patient an audit event showed (a board's rows, a query's matches), so that "who saw this patient?" finds
-- reads of lists too. Append-only like audit_event.
CREATE TABLE audit_patient_seen (
    event_id   BIGINT       NOT NULL REFERENCES audit_event (id),
    patient_id VARCHAR(128) NOT NULL,
    PRIMARY KEY (event_id, patient_id)
);
CREATE INDEX audit_patient_seen_by_patient ON audit_patient_seen (patient_id, event_id DESC);

CREATE TRIGGER audit_patient_seen_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_patient_seen
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
