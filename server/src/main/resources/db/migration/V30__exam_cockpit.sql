-- What the technologist records at the point of care, per exam.
CREATE TABLE exam_verification (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    exam_id              BIGINT       NOT NULL REFERENCES exam (id),
    recorded_by          VARCHAR(64)  NOT NULL,
    recorded_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    identifiers          VARCHAR(24)  NOT NULL CHECK (identifiers IN ('NAME_AND_BIRTH_DATE', 'NAME_AND_MRN')),
    procedure_confirmed  BOOLEAN      NOT NULL,
    outcome              VARCHAR(10)  NOT NULL CHECK (outcome IN ('VERIFIED', 'MISMATCH')),
    mismatch_reason      VARCHAR(500)
);
CREATE INDEX exam_verification_exam ON exam_verification (exam_id);

CREATE TABLE exam_screening (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    exam_id      BIGINT       NOT NULL REFERENCES exam (id),
    kind         VARCHAR(20)  NOT NULL CHECK (kind IN ('PREGNANCY')),
    answer       VARCHAR(24)  NOT NULL,
    method       VARCHAR(40)  NOT NULL,
    answered_by  VARCHAR(64)  NOT NULL,
    answered_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    decision     VARCHAR(500),
    decided_by   VARCHAR(64),
    decided_at   TIMESTAMPTZ
);
CREATE INDEX exam_screening_exam ON exam_screening (exam_id, kind, answered_at DESC);

CREATE TABLE exam_documentation (
    exam_id                   BIGINT       PRIMARY KEY REFERENCES exam (id),
    performing_technologist   VARCHAR(64)  NOT NULL,
    supervising_technologist  VARCHAR(64),
    notes                     TEXT,
    recorded_at               TIMESTAMPTZ  NOT NULL DEFAULT now()
);
