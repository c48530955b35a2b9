-- The image archive's index (PS3.4 Annex C): one row per study, series and stored instance, with the
-- attributes C-FIND matches on as typed columns. Patient attributes are kept per study as the modality
-- sent them; the patient level of a query groups studies by Patient ID and issuer.
CREATE TABLE archive_study (
    id                        BIGSERIAL    PRIMARY KEY,
    study_instance_uid        VARCHAR(64)  NOT NULL UNIQUE,
    patient_id                VARCHAR(64)  NOT NULL DEFAULT '',
    issuer_of_patient_id      VARCHAR(64)  NOT NULL DEFAULT '',
    patient_name              VARCHAR(324) NOT NULL DEFAULT '',
    patient_birth_date        DATE,
    patient_sex               VARCHAR(16)  NOT NULL DEFAULT '',
    study_date                DATE,
    study_time                VARCHAR(16)  NOT NULL DEFAULT '',
    accession_number          VARCHAR(16)  NOT NULL DEFAULT '',
    study_id                  VARCHAR(16)  NOT NULL DEFAULT '',
    study_description         VARCHAR(64)  NOT NULL DEFAULT '',
    referring_physician_name  VARCHAR(324) NOT NULL DEFAULT '',
    created_at                TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at                TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX archive_study_patient_id ON archive_study (patient_id);
CREATE INDEX archive_study_patient_name ON archive_study (upper(patient_name) text_pattern_ops);
CREATE INDEX archive_study_date ON archive_study (study_date);
CREATE INDEX archive_study_accession ON archive_study (accession_number);

CREATE TABLE archive_series (
    id                   BIGSERIAL   PRIMARY KEY,
    study_id             BIGINT      NOT NULL REFERENCES archive_study (id),
    series_instance_uid  VARCHAR(64) NOT NULL UNIQUE,
    modality             VARCHAR(16) NOT NULL DEFAULT '',
    series_number        INT,
    series_description   VARCHAR(64) NOT NULL DEFAULT '',
    body_part_examined   VARCHAR(16) NOT NULL DEFAULT ''
);
CREATE INDEX archive_series_study ON archive_series (study_id);
CREATE INDEX archive_series_modality ON archive_series (modality);

-- quarantine_reason: set when the instance does not match its order; such instances are stored but
-- neither queried nor retrieved until someone resolves them.
CREATE TABLE archive_instance (
    id                   BIGSERIAL    PRIMARY KEY,
    series_id            BIGINT       NOT NULL REFERENCES archive_series (id),
    sop_instance_uid     VARCHAR(64)  NOT NULL UNIQUE,
    sop_class_uid        VARCHAR(64)  NOT NULL,
    instance_number      INT,
    transfer_syntax_uid  VARCHAR(64)  NOT NULL,
    file_path            VARCHAR(300) NOT NULL,
    file_size            BIGINT       NOT NULL,
    source_ae_title      VARCHAR(16)  NOT NULL DEFAULT '',
    quarantine_reason    VARCHAR(500),
    stored_at            TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX archive_instance_series ON archive_instance (series_id);
CREATE INDEX archive_instance_quarantined ON archive_instance (series_id) WHERE quarantine_reason IS NULL;
