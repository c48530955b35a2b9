-- Radiation dose (feature dose, issue 18): what each dose object said, and dose values read from image headers.
-- Values are kept in one unit each: mGy (CTDIvol, dose at the reference point, entrance dose), mGy.cm (DLP),
-- Gy.cm2 (dose area product), seconds (fluoroscopy time).

CREATE TABLE dose_report (
    id                      BIGSERIAL    PRIMARY KEY,
    sop_instance_uid        VARCHAR(64)  NOT NULL UNIQUE,
    study_instance_uid      VARCHAR(64)  NOT NULL,
    series_instance_uid     VARCHAR(64)  NOT NULL,
    accession_number        VARCHAR(64),
    exam_id                 BIGINT       REFERENCES exam (id),
    patient                 VARCHAR(200),
    sop_class_uid           VARCHAR(64)  NOT NULL,
    template                VARCHAR(16),
    dlp_total_mgy_cm        DOUBLE PRECISION,
    dap_total_gy_cm2        DOUBLE PRECISION,
    dose_rp_total_mgy       DOUBLE PRECISION,
    fluoro_time_total_s     DOUBLE PRECISION,
    problems                TEXT[]       NOT NULL DEFAULT '{}',
    read_at                 TIMESTAMPTZ  NOT NULL
);
CREATE INDEX dose_report_study ON dose_report (study_instance_uid);
CREATE INDEX dose_report_exam ON dose_report (exam_id);

-- One CT acquisition (TID 10013) or projection irradiation event (TID 10003) of a report, in document order.
CREATE TABLE dose_event (
    report_id               BIGINT       NOT NULL REFERENCES dose_report (id) ON DELETE CASCADE,
    ordinal                 INTEGER      NOT NULL,
    ct                      BOOLEAN      NOT NULL,
    event_uid               VARCHAR(64),
    label                   VARCHAR(200) NOT NULL,
    ctdivol_mgy             DOUBLE PRECISION,
    dlp_mgy_cm              DOUBLE PRECISION,
    phantom                 VARCHAR(40),
    dap_gy_cm2              DOUBLE PRECISION,
    dose_rp_mgy             DOUBLE PRECISION,
    PRIMARY KEY (report_id, ordinal)
);

-- Dose values from one image's header (CT CTDIvol, DX/CR/XA/RF dose area product, entrance dose, exposure index).
CREATE TABLE dose_image (
    id                      BIGSERIAL    NOT NULL UNIQUE,
    sop_instance_uid        VARCHAR(64)  PRIMARY KEY,
    study_instance_uid      VARCHAR(64)  NOT NULL,
    series_instance_uid     VARCHAR(64)  NOT NULL,
    accession_number        VARCHAR(64),
    exam_id                 BIGINT       REFERENCES exam (id),
    modality                VARCHAR(16),
    acquisition_number      INTEGER,
    ctdivol_mgy             DOUBLE PRECISION,
    dap_gy_cm2              DOUBLE PRECISION,
    entrance_dose_mgy       DOUBLE PRECISION,
    dose_rp_mgy             DOUBLE PRECISION,
    exposure_index          DOUBLE PRECISION,
    target_exposure_index   DOUBLE PRECISION,
    deviation_index         DOUBLE PRECISION,
    fluoro_time_s           DOUBLE PRECISION,
    read_at                 TIMESTAMPTZ  NOT NULL
);
CREATE INDEX dose_image_study ON dose_image (study_instance_uid);
CREATE INDEX dose_image_exam ON dose_image (exam_id);
