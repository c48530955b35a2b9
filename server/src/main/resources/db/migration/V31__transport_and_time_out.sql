-- Where an inpatient is on their way to and from the department.
CREATE TABLE exam_transport (
    exam_id     BIGINT       PRIMARY KEY REFERENCES exam (id),
    status      VARCHAR(16)  NOT NULL CHECK (status IN ('REQUESTED', 'EN_ROUTE', 'IN_DEPARTMENT', 'IN_ROOM', 'RETURNED')),
    updated_by  VARCHAR(64)  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The Universal Protocol time-out before an interventional procedure (DOMAIN.md SAF-5, SAF-6).
CREATE TABLE exam_time_out (
    exam_id             BIGINT        PRIMARY KEY REFERENCES exam (id),
    participants        VARCHAR(500)  NOT NULL,
    site_mark           VARCHAR(20)   NOT NULL CHECK (site_mark IN ('PRESENT', 'NOT_APPLICABLE')),
    imaging_displayed   BOOLEAN       NOT NULL,
    recorded_by         VARCHAR(64)   NOT NULL,
    recorded_at         TIMESTAMPTZ   NOT NULL DEFAULT now()
);
