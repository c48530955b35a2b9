-- Who did what to which object (and whose patient data), from where, with what outcome.
-- Append-only: the trigger refuses UPDATE and DELETE, so the application cannot rewrite history.
CREATE TABLE audit_event (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor          VARCHAR(64)  NOT NULL,
    actor_role     VARCHAR(20),
    action         VARCHAR(40)  NOT NULL,
    object_type    VARCHAR(40),
    object_id      VARCHAR(128),
    patient_id     VARCHAR(128),
    source_address VARCHAR(64),
    outcome        VARCHAR(10)  NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE')),
    detail         VARCHAR(1000)
);
CREATE INDEX audit_event_occurred_at ON audit_event (occurred_at DESC);
CREATE INDEX audit_event_patient ON audit_event (patient_id, occurred_at DESC) WHERE patient_id IS NOT NULL;
CREATE INDEX audit_event_actor ON audit_event (lower(actor), occurred_at DESC);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
