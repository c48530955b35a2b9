-- Images rejected for quality (IHE IOCM): kept in the store and the index, withheld from reading.
ALTER TABLE archive_instance ADD COLUMN withheld_at TIMESTAMPTZ;

-- Studies whose exam a technologist has not yet released for reading: radiologists do not see them.
CREATE TABLE archive_reading_hold (
    study_instance_uid  VARCHAR(64) PRIMARY KEY,
    accession_number    VARCHAR(16) NOT NULL
);
CREATE INDEX archive_reading_hold_accession ON archive_reading_hold (accession_number);
INSERT INTO archive_reading_hold (study_instance_uid, accession_number)
    SELECT study_instance_uid, accession_number FROM exam WHERE state NOT IN ('RELEASED', 'CANCELLED');

-- One row per image a technologist rejected (AAPM TG-305 essential elements, as far as the image tells them).
CREATE TABLE quality_rejection (
    id                   BIGSERIAL    PRIMARY KEY,
    sop_instance_uid     VARCHAR(64)  NOT NULL UNIQUE,
    study_instance_uid   VARCHAR(64)  NOT NULL,
    series_instance_uid  VARCHAR(64)  NOT NULL,
    reason_code          VARCHAR(16)  NOT NULL,
    reason               VARCHAR(64)  NOT NULL,
    comment              VARCHAR(500) NOT NULL DEFAULT '',
    room                 VARCHAR(80)  NOT NULL DEFAULT '',
    modality             VARCHAR(16)  NOT NULL DEFAULT '',
    body_part            VARCHAR(16)  NOT NULL DEFAULT '',
    technologist         VARCHAR(80)  NOT NULL,
    acquired_at          TIMESTAMPTZ  NOT NULL,
    rejected_at          TIMESTAMPTZ  NOT NULL,
    note_sop_instance_uid VARCHAR(64) NOT NULL,
    -- the next image of the study stored after the reject: the repeat that replaces it
    repeat_sop_instance_uid VARCHAR(64)
);
CREATE INDEX quality_rejection_acquired ON quality_rejection (acquired_at);
