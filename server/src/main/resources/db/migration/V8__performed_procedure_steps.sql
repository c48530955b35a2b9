-- Modality Performed Procedure Steps (PS3.4 Annex F) as the modalities reported them, with the whole
-- data set kept for the dose and quality features to read later.
CREATE TABLE performed_procedure_step (
    sop_instance_uid       VARCHAR(64)  PRIMARY KEY,
    exam_id                BIGINT       REFERENCES exam (id),
    station_ae_title       VARCHAR(16)  NOT NULL,
    status                 VARCHAR(12)  NOT NULL CHECK (status IN ('IN PROGRESS', 'COMPLETED', 'DISCONTINUED')),
    discontinuation_reason VARCHAR(200),
    series_count           INT          NOT NULL DEFAULT 0,
    dataset                BYTEA        NOT NULL,
    created_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX performed_procedure_step_exam ON performed_procedure_step (exam_id);
