-- An instance sent again with content that differs from the stored copy, while the archive keeps stored copies
-- (hounsfield.archive.duplicates=KEEP): the new copy is discarded, the sender gets a warning, and the resend is
-- listed here for the lead technologist to follow up with the sender. No patient data: UIDs and the sender only.
CREATE TABLE archive_differing_resend (
    id BIGSERIAL PRIMARY KEY,
    sop_instance_uid VARCHAR(64) NOT NULL,
    study_instance_uid VARCHAR(64) NOT NULL,
    source_ae_title VARCHAR(80) NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    stored_transfer_syntax_uid VARCHAR(64) NOT NULL,
    received_transfer_syntax_uid VARCHAR(64) NOT NULL
);
CREATE INDEX archive_differing_resend_received ON archive_differing_resend (received_at DESC);
