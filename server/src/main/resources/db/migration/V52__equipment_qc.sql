-- The QC program: tests per modality and frequency, their tolerances (versioned: a change adds a version with its
-- source), and the results, computed from a phantom image or entered by hand.
CREATE TABLE qc_test (
    code        VARCHAR(40)  PRIMARY KEY,
    modality    VARCHAR(8)   NOT NULL,
    name        VARCHAR(200) NOT NULL,
    frequency   VARCHAR(10)  NOT NULL CHECK (frequency IN ('DAILY', 'WEEKLY', 'MONTHLY', 'ANNUAL')),
    computed    BOOLEAN      NOT NULL DEFAULT FALSE
);

CREATE TABLE qc_tolerance (
    id          BIGSERIAL    PRIMARY KEY,
    test_code   VARCHAR(40)  NOT NULL REFERENCES qc_test (code),
    name        VARCHAR(40)  NOT NULL,
    ae_title    VARCHAR(16)  NOT NULL DEFAULT '',
    version     INTEGER      NOT NULL,
    low         DOUBLE PRECISION,
    high        DOUBLE PRECISION,
    unit        VARCHAR(16)  NOT NULL DEFAULT '',
    source      VARCHAR(500) NOT NULL,
    current     BOOLEAN      NOT NULL DEFAULT TRUE,
    changed_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    changed_by  VARCHAR(80)  NOT NULL
);
CREATE UNIQUE INDEX qc_tolerance_current ON qc_tolerance (test_code, name, ae_title) WHERE current;

CREATE TABLE qc_result (
    id                  BIGSERIAL    PRIMARY KEY,
    ae_title            VARCHAR(16)  NOT NULL,
    test_code           VARCHAR(40)  NOT NULL REFERENCES qc_test (code),
    sop_instance_uid    VARCHAR(64)  UNIQUE,
    performed_at        TIMESTAMPTZ  NOT NULL,
    outcome             VARCHAR(16)  NOT NULL CHECK (outcome IN ('PASS', 'FAIL', 'NOT_ANALYSABLE')),
    mean_hu             DOUBLE PRECISION,
    noise_sd_hu         DOUBLE PRECISION,
    uniformity_hu       DOUBLE PRECISION,
    roi_centre          DOUBLE PRECISION,
    roi_12h             DOUBLE PRECISION,
    roi_3h              DOUBLE PRECISION,
    roi_6h              DOUBLE PRECISION,
    roi_9h              DOUBLE PRECISION,
    diameter_mm         DOUBLE PRECISION,
    reasons             TEXT         NOT NULL DEFAULT '',
    notes               TEXT         NOT NULL DEFAULT '',
    recorded_by         VARCHAR(80)  NOT NULL
);
CREATE INDEX qc_result_device ON qc_result (ae_title, performed_at);

INSERT INTO qc_test (code, modality, name, frequency, computed) VALUES
    ('CT_WATER_DAILY', 'CT', 'Water CT number, noise and uniformity', 'DAILY', TRUE),
    ('CT_ARTIFACTS_DAILY', 'CT', 'Artifact evaluation of every QC image (visual)', 'DAILY', FALSE),
    ('CT_VISUAL_MONTHLY', 'CT', 'Visual checklist and display monitor QC', 'MONTHLY', FALSE),
    ('CT_PHYSICIST_ANNUAL', 'CT', 'Medical physicist annual evaluation', 'ANNUAL', FALSE),
    ('MR_ACR_WEEKLY', 'MR', 'ACR large phantom: centre frequency, transmitter gain, geometry, resolution, low contrast, artifacts', 'WEEKLY', FALSE),
    ('DR_VISUAL_DAILY', 'DX', 'Visual inspection and artifact check', 'DAILY', FALSE),
    ('DR_PHANTOM_WEEKLY', 'DX', 'QC phantom consistency: exposure index and SNR against baseline', 'WEEKLY', FALSE),
    ('DR_PHYSICIST_ANNUAL', 'DX', 'Physicist performance tests (reproducibility, linearity, collimation, HVL, kVp)', 'ANNUAL', FALSE);

INSERT INTO qc_tolerance (test_code, name, version, low, high, unit, source, changed_by) VALUES
    ('CT_WATER_DAILY', 'WATER_MEAN', 1, -5, 5, 'HU', 'ACR 2017 CT Quality Control Manual, daily water CT number', 'system'),
    ('CT_WATER_DAILY', 'NOISE_PERCENT', 1, NULL, 20, '%', 'ACR 2017 CT Quality Control Manual, daily noise within ±20% of the established baseline', 'system'),
    ('CT_WATER_DAILY', 'UNIFORMITY', 1, NULL, 5, 'HU', 'ACR 2017 CT Quality Control Manual, edge ROIs within ±5 HU of the centre', 'system'),
    ('MR_ACR_WEEKLY', 'GEOMETRIC_ACCURACY', 1, -2, 2, 'mm', 'ACR 2015 MRI QC Manual (JACMP 2022;23(8):e13730, Table 3)', 'system'),
    ('MR_ACR_WEEKLY', 'GHOSTING', 1, NULL, 2.5, '%', 'ACR 2015 MRI QC Manual (JACMP 2022;23(8):e13730, Table 3)', 'system'),
    ('DR_PHANTOM_WEEKLY', 'EI_DEVIATION', 1, -10, 10, '%', 'AAPM TG-151 ongoing QC: consistency against baseline (Hounsfield default ±10%)', 'system');
