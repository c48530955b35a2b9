-- The automatic checks of every stored image (issue 17): one row per instance and check, replaced when the
-- instance is checked again; a warning or failure stays unacknowledged until a technologist gives a reason.
CREATE TABLE quality_check (
    sop_instance_uid     VARCHAR(64)  NOT NULL,
    code                 VARCHAR(32)  NOT NULL,
    study_instance_uid   VARCHAR(64)  NOT NULL,
    series_instance_uid  VARCHAR(64)  NOT NULL,
    outcome              VARCHAR(8)   NOT NULL,
    value                DOUBLE PRECISION,
    threshold            VARCHAR(500) NOT NULL,
    source               VARCHAR(500) NOT NULL,
    finding              VARCHAR(500) NOT NULL,
    checked_at           TIMESTAMPTZ  NOT NULL,
    acknowledged_at      TIMESTAMPTZ,
    acknowledged_by      VARCHAR(80),
    acknowledgement      VARCHAR(500),
    PRIMARY KEY (sop_instance_uid, code)
);
CREATE INDEX quality_check_study ON quality_check (study_instance_uid);

-- The thresholds the checks apply, versioned: a change adds a row, the newest row of a name (and manufacturer)
-- applies, the old ones stay to show what an earlier result was measured against.
CREATE TABLE quality_threshold (
    id            BIGSERIAL    PRIMARY KEY,
    name          VARCHAR(40)  NOT NULL,
    manufacturer  VARCHAR(64)  NOT NULL DEFAULT '',
    value         DOUBLE PRECISION NOT NULL,
    source        VARCHAR(500) NOT NULL,
    recorded_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    recorded_by   VARCHAR(80)  NOT NULL
);
CREATE INDEX quality_threshold_name ON quality_threshold (name, manufacturer, id);

INSERT INTO quality_threshold (name, value, source, recorded_by) VALUES
    ('DI_EXCESSIVE_ABOVE', 3.0, 'AAPM TG-116 (Shepard et al., Med Phys 2009;36:2898), recommended actions', 'hounsfield'),
    ('DI_OVER_ABOVE', 1.0, 'AAPM TG-116 (Shepard et al., Med Phys 2009;36:2898), recommended actions', 'hounsfield'),
    ('DI_UNDER_BELOW', -1.0, 'AAPM TG-116 (Shepard et al., Med Phys 2009;36:2898), recommended actions', 'hounsfield'),
    ('DI_EXCESSIVE_BELOW', -3.0, 'AAPM TG-116 (Shepard et al., Med Phys 2009;36:2898), recommended actions', 'hounsfield'),
    ('SATURATED_WARN_SHARE', 0.05, 'Hounsfield default: clipped at the detector''s top value over 5% of the image', 'hounsfield'),
    ('SATURATED_FAIL_SHARE', 0.20, 'Hounsfield default: clipped at the detector''s top value over 20% of the image', 'hounsfield'),
    ('BLANK_FAIL_SHARE', 0.90, 'Hounsfield default: a radiograph with 90% of its pixels at the lowest value is empty', 'hounsfield');
