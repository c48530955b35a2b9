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
    ssde_mgy                DOUBLE PRECISION,
    water_eq_diameter_mm    DOUBLE PRECISION,
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

-- Dose values a modality gave in a performed procedure step (MPPS Radiation Dose module), per step.
CREATE TABLE dose_step (
    step_uid                VARCHAR(64)  PRIMARY KEY,
    exam_id                 BIGINT       NOT NULL REFERENCES exam (id),
    dap_gy_cm2              DOUBLE PRECISION,
    entrance_dose_mgy       DOUBLE PRECISION,
    dose_rp_mgy             DOUBLE PRECISION,
    fluoro_time_s           DOUBLE PRECISION,
    read_at                 TIMESTAMPTZ  NOT NULL
);
CREATE INDEX dose_step_exam ON dose_step (exam_id);

-- Dose check levels (NEMA XR 25; AAPM "Recommendations Regarding Notification and Alert Values for CT Scanners";
-- NCRP Report 168 substantial radiation dose levels for fluoroscopy follow-up), editable and versioned: a change adds a version and retires the one before, so every check can name the value,
-- source and edition it used. An exam's procedure matches a level by its body part and the patient's age at the exam.
CREATE TABLE dose_check_level (
    id                      BIGSERIAL    PRIMARY KEY,
    level_key               VARCHAR(40)  NOT NULL,
    version                 INTEGER      NOT NULL,
    description             VARCHAR(200) NOT NULL,
    body_parts              TEXT[]       NOT NULL,
    age_from_years          INTEGER      NOT NULL DEFAULT 0,
    age_below_years         INTEGER,
    phantom                 VARCHAR(40),
    kind                    VARCHAR(20)  NOT NULL CHECK (kind IN ('NOTIFICATION', 'ALERT', 'FOLLOW_UP', 'DRL')),
    metric                  VARCHAR(20)  NOT NULL DEFAULT 'CTDIVOL'
                                         CHECK (metric IN ('CTDIVOL', 'DLP', 'DOSE_RP', 'DAP', 'FLUORO_TIME')),
    -- Set on a level checked on the patient's total over this many months rather than on one exam.
    window_months           INTEGER      CHECK (window_months > 0),
    value                   DOUBLE PRECISION NOT NULL CHECK (value > 0),
    unit                    VARCHAR(16)  NOT NULL DEFAULT 'mGy',
    source                  TEXT         NOT NULL,
    edition                 VARCHAR(60),
    confidence              VARCHAR(4)   NOT NULL CHECK (confidence IN ('V', 'S', 'S?', 'L')),
    changed_by              VARCHAR(64)  NOT NULL,
    changed_at              TIMESTAMPTZ  NOT NULL DEFAULT now(),
    change_note             TEXT,
    current                 BOOLEAN      NOT NULL DEFAULT TRUE,
    UNIQUE (level_key, version)
);
CREATE UNIQUE INDEX dose_check_level_current ON dose_check_level (level_key) WHERE current;

-- The alert value is checked on the CTDIvol of all the exam's acquisitions added: at most what one place received.
INSERT INTO dose_check_level (level_key, version, description, body_parts, age_from_years, age_below_years, phantom,
    kind, value, source, edition, confidence, changed_by) VALUES
('CT-HEAD-ADULT', 1, 'Adult head, from 6 years', '{HEAD,BRAIN}', 6, NULL, NULL, 'NOTIFICATION', 80,
    'AAPM Recommendations Regarding Notification and Alert Values for CT Scanners: CTDIvol notification value', NULL, 'V', 'system'),
('CT-HEAD-UNDER2', 1, 'Paediatric head, under 2 years', '{HEAD,BRAIN}', 0, 2, NULL, 'NOTIFICATION', 50,
    'AAPM Recommendations Regarding Notification and Alert Values for CT Scanners: CTDIvol notification value', NULL, 'V', 'system'),
('CT-HEAD-2TO5', 1, 'Paediatric head, 2 to 5 years', '{HEAD,BRAIN}', 2, 6, NULL, 'NOTIFICATION', 60,
    'AAPM Recommendations Regarding Notification and Alert Values for CT Scanners: CTDIvol notification value', NULL, 'V', 'system'),
('CT-TORSO-ADULT', 1, 'Adult torso, from 10 years', '{CHEST,ABDOMEN,PELVIS,ABDOMENPELVIS,CHESTABDOMEN,CHESTABDPELVIS,WHOLEBODY}', 10, NULL, NULL, 'NOTIFICATION', 50,
    'AAPM Recommendations Regarding Notification and Alert Values for CT Scanners: CTDIvol notification value', NULL, 'V', 'system'),
('CT-TORSO-UNDER10-16', 1, 'Paediatric torso, under 10 years, 16 cm phantom', '{CHEST,ABDOMEN,PELVIS,ABDOMENPELVIS,CHESTABDOMEN,CHESTABDPELVIS,WHOLEBODY}', 0, 10, 'head, 16 cm', 'NOTIFICATION', 25,
    'AAPM Recommendations Regarding Notification and Alert Values for CT Scanners: CTDIvol notification value', NULL, 'V', 'system'),
('CT-TORSO-UNDER10-32', 1, 'Paediatric torso, under 10 years, 32 cm phantom', '{CHEST,ABDOMEN,PELVIS,ABDOMENPELVIS,CHESTABDOMEN,CHESTABDPELVIS,WHOLEBODY}', 0, 10, 'body, 32 cm', 'NOTIFICATION', 10,
    'AAPM Recommendations Regarding Notification and Alert Values for CT Scanners: CTDIvol notification value', NULL, 'V', 'system'),
('CT-ALERT', 1, 'Any CT exam', '{*}', 0, NULL, NULL, 'ALERT', 1000,
    'AAPM Recommendations Regarding Notification and Alert Values for CT Scanners: CTDIvol alert value (to be confirmed by the physicist)', NULL, 'S', 'system');

INSERT INTO dose_check_level (level_key, version, description, body_parts, kind, metric, value, unit, source,
    confidence, changed_by) VALUES
('FLUORO-KAR-SRDL', 1, 'Any exam: reference air kerma over the exam', '{*}', 'FOLLOW_UP', 'DOSE_RP', 5000, 'mGy',
    'NCRP Report 168 (2010) section 4; SIR guidelines (Stecker et al., JVIR 2009): substantial radiation dose level', 'S', 'system'),
('FLUORO-DAP-SRDL', 1, 'Any exam: dose area product over the exam', '{*}', 'FOLLOW_UP', 'DAP', 500, 'Gy·cm²',
    'NCRP Report 168 (2010) section 4; SIR guidelines (Stecker et al., JVIR 2009): substantial radiation dose level', 'S', 'system'),
('FLUORO-TIME-SRDL', 1, 'Any exam: fluoroscopy time over the exam', '{*}', 'FOLLOW_UP', 'FLUORO_TIME', 3600, 's',
    'NCRP Report 168 (2010) section 4; SIR guidelines (Stecker et al., JVIR 2009): substantial radiation dose level', 'S', 'system');

-- The technologist's reason for going on after a dose check level was exceeded (NEMA XR 25: reason for proceeding).
CREATE TABLE dose_exceeded_reason (
    id                      BIGSERIAL    PRIMARY KEY,
    exam_id                 BIGINT       NOT NULL REFERENCES exam (id),
    exceeded                TEXT         NOT NULL,
    reason                  TEXT         NOT NULL,
    recorded_by             VARCHAR(64)  NOT NULL,
    recorded_at             TIMESTAMPTZ  NOT NULL
);
CREATE INDEX dose_exceeded_reason_exam ON dose_exceeded_reason (exam_id);

-- Over time (DOSE-33): the patient's reference air kerma added over a year, the proxy for a skin dose that
-- calls for a sentinel-event review. National diagnostic reference levels (DRL, NCRP Report 172; Kanal et al. 2017)
-- are not checked per patient: the physicist's page compares each protocol's median and local DRL with them.
INSERT INTO dose_check_level (level_key, version, description, body_parts, kind, metric, value, unit, window_months,
    source, confidence, changed_by) VALUES
('PATIENT-KAR-12M', 1, 'Any patient: reference air kerma over 12 months', '{*}', 'FOLLOW_UP', 'DOSE_RP', 15000, 'mGy', 12,
    'The Joint Commission former sentinel-event criterion (15 Gy to one skin field), reference air kerma as proxy', 'S', 'system');

INSERT INTO dose_check_level (level_key, version, description, body_parts, age_from_years, kind, metric, value, unit,
    source, confidence, changed_by) VALUES
('DRL-CT-HEAD-CTDIVOL', 1, 'Adult CT head', '{HEAD,BRAIN}', 18, 'DRL', 'CTDIVOL', 75, 'mGy',
    'NCRP Report 172 (2012), ACR CT accreditation reference value', 'S', 'system'),
('DRL-CT-ABDOMEN-CTDIVOL', 1, 'Adult CT abdomen', '{ABDOMEN,ABDOMENPELVIS,PELVIS}', 18, 'DRL', 'CTDIVOL', 25, 'mGy',
    'NCRP Report 172 (2012), ACR CT accreditation reference value', 'S', 'system'),
('DRL-CT-CHEST-CTDIVOL', 1, 'Adult CT chest', '{CHEST}', 18, 'DRL', 'CTDIVOL', 12, 'mGy',
    'Kanal et al., Radiology 2017;284:120 (placeholder until checked against its table 2)', 'S?', 'system'),
('DRL-CT-HEAD-DLP', 1, 'Adult CT head', '{HEAD,BRAIN}', 18, 'DRL', 'DLP', 1011, 'mGy·cm',
    'Kanal et al., Radiology 2017;284:120 (placeholder until checked against its table 2)', 'S?', 'system'),
('DRL-CT-CHEST-DLP', 1, 'Adult CT chest', '{CHEST}', 18, 'DRL', 'DLP', 443, 'mGy·cm',
    'Kanal et al., Radiology 2017;284:120 (placeholder until checked against its table 2)', 'S?', 'system'),
('DRL-CT-ABDOMEN-DLP', 1, 'Adult CT abdomen and pelvis', '{ABDOMEN,ABDOMENPELVIS,PELVIS}', 18, 'DRL', 'DLP', 781,
    'mGy·cm', 'Kanal et al., Radiology 2017;284:120 (placeholder until checked against its table 2)', 'S?', 'system');

-- One row per study with dose: its totals as the exam's dose reports (else its image headers) give them, kept so
-- that the patient's history and the physicist's distributions need not read every report again.
CREATE TABLE dose_exam (
    study_instance_uid      VARCHAR(64)  PRIMARY KEY,
    exam_id                 BIGINT       REFERENCES exam (id),
    patient_id              BIGINT       REFERENCES patient (id),
    accession_number        VARCHAR(64),
    protocol_code           VARCHAR(64)  NOT NULL,
    protocol                VARCHAR(200) NOT NULL,
    body_part               VARCHAR(40),
    room                    VARCHAR(64)  NOT NULL,
    modality                VARCHAR(16),
    adult                   BOOLEAN      NOT NULL,
    performed_at            TIMESTAMPTZ  NOT NULL,
    ctdivol_mgy             DOUBLE PRECISION,
    dlp_total_mgy_cm        DOUBLE PRECISION,
    ssde_mgy                DOUBLE PRECISION,
    dap_total_gy_cm2        DOUBLE PRECISION,
    dose_rp_total_mgy       DOUBLE PRECISION,
    fluoro_time_total_s     DOUBLE PRECISION,
    partial                 BOOLEAN      NOT NULL
);
CREATE INDEX dose_exam_patient ON dose_exam (patient_id, performed_at);
CREATE INDEX dose_exam_protocol ON dose_exam (protocol_code, room);

-- A level an exam or a patient exceeded: raised once per exam and level (the inbox of leads and physicists is told
-- once), open on the follow-up list until someone records what was done.
CREATE TABLE dose_alert (
    id                      BIGSERIAL    PRIMARY KEY,
    exam_id                 BIGINT       NOT NULL REFERENCES exam (id),
    level_key               VARCHAR(40)  NOT NULL,
    finding                 TEXT         NOT NULL,
    raised_at               TIMESTAMPTZ  NOT NULL,
    followed_up_by          VARCHAR(64),
    followed_up_at          TIMESTAMPTZ,
    follow_up               TEXT,
    UNIQUE (exam_id, level_key)
);
CREATE INDEX dose_alert_open ON dose_alert (raised_at) WHERE followed_up_at IS NULL;
