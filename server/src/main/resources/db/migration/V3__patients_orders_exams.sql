-- Patients, identified by (issuer, value) pairs: MRNs of the hospital, temporary trauma MRNs, and the
-- identifiers of patients merged into another (kept so that old messages and images still resolve).
CREATE TABLE patient (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    family_name      VARCHAR(100) NOT NULL,
    given_name       VARCHAR(100),
    middle_name      VARCHAR(100),
    birth_date       DATE,
    sex              CHAR(1)      NOT NULL DEFAULT 'U' CHECK (sex IN ('F', 'M', 'O', 'U')),
    language         VARCHAR(20),
    allergies        VARCHAR(1000),
    pregnancy_status VARCHAR(20)  NOT NULL DEFAULT 'UNKNOWN'
        CHECK (pregnancy_status IN ('NOT_PREGNANT', 'POSSIBLY_PREGNANT', 'PREGNANT', 'UNKNOWN')),
    weight_kg        NUMERIC(5, 1),
    height_cm        NUMERIC(5, 1),
    temporary        BOOLEAN      NOT NULL DEFAULT FALSE,
    merged_into      BIGINT REFERENCES patient (id),
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX patient_name ON patient (lower(family_name), lower(given_name));

CREATE TABLE patient_identifier (
    patient_id BIGINT       NOT NULL REFERENCES patient (id),
    issuer     VARCHAR(64)  NOT NULL,
    value      VARCHAR(64)  NOT NULL,
    kind       VARCHAR(10)  NOT NULL CHECK (kind IN ('PRIMARY', 'TEMPORARY', 'MERGED')),
    PRIMARY KEY (issuer, value)
);
CREATE INDEX patient_identifier_patient ON patient_identifier (patient_id);

-- Every demographic change keeps the values it replaced.
CREATE TABLE patient_history (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id  BIGINT        NOT NULL REFERENCES patient (id),
    changed_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    changed_by  VARCHAR(64)   NOT NULL,
    change      VARCHAR(20)   NOT NULL,
    previous    TEXT          NOT NULL
);

-- The procedure catalog.
CREATE TABLE procedure_type (
    code               VARCHAR(20)  PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    modality           VARCHAR(4)   NOT NULL,
    body_part          VARCHAR(40)  NOT NULL,
    laterality_required BOOLEAN     NOT NULL,
    duration_minutes   INT          NOT NULL CHECK (duration_minutes > 0),
    contrast           BOOLEAN      NOT NULL,
    protocol_reference VARCHAR(40),
    active             BOOLEAN      NOT NULL DEFAULT TRUE
);

-- Orders as the ordering system placed them (one requested procedure each, as IHE SWF's OMI carries).
CREATE TABLE imaging_order (
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    placer_order_number   VARCHAR(64)  NOT NULL,
    placer_application    VARCHAR(64)  NOT NULL,
    patient_id            BIGINT       NOT NULL REFERENCES patient (id),
    procedure_code        VARCHAR(20)  NOT NULL REFERENCES procedure_type (code),
    laterality            CHAR(1)      CHECK (laterality IN ('L', 'R', 'B')),
    priority              VARCHAR(10)  NOT NULL CHECK (priority IN ('STAT', 'URGENT', 'ROUTINE')),
    reason                VARCHAR(500),
    ordering_provider     VARCHAR(200),
    status                VARCHAR(12)  NOT NULL CHECK (status IN ('ACTIVE', 'CANCELLED', 'COMPLETED')),
    received_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (placer_application, placer_order_number)
);

-- What the department does: one exam per order, from scheduled to released.
CREATE TABLE exam (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id             BIGINT       REFERENCES imaging_order (id),
    patient_id           BIGINT       NOT NULL REFERENCES patient (id),
    accession_number     VARCHAR(16)  NOT NULL UNIQUE,
    study_instance_uid   VARCHAR(64)  NOT NULL UNIQUE,
    procedure_code       VARCHAR(20)  NOT NULL REFERENCES procedure_type (code),
    laterality           CHAR(1)      CHECK (laterality IN ('L', 'R', 'B')),
    priority             VARCHAR(10)  NOT NULL CHECK (priority IN ('STAT', 'URGENT', 'ROUTINE')),
    state                VARCHAR(16)  NOT NULL,
    station_ae_title     VARCHAR(16),
    scheduled_start      TIMESTAMPTZ,
    scheduled_end        TIMESTAMPTZ,
    updated_at           TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX exam_day ON exam (scheduled_start);
CREATE INDEX exam_patient ON exam (patient_id);
CREATE SEQUENCE accession_number_sequence;

CREATE TABLE exam_transition (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    exam_id     BIGINT       NOT NULL REFERENCES exam (id),
    from_state  VARCHAR(16),
    to_state    VARCHAR(16)  NOT NULL,
    at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor       VARCHAR(64)  NOT NULL,
    reason      VARCHAR(500)
);
CREATE INDEX exam_transition_exam ON exam_transition (exam_id, at);

-- Inbound HL7 messages by sender and control id, with the acknowledgment sent, so that a resent
-- message gets the same answer and changes nothing.
CREATE TABLE hl7_message (
    sending_application VARCHAR(64)  NOT NULL,
    control_id          VARCHAR(64)  NOT NULL,
    message_type        VARCHAR(20)  NOT NULL,
    received_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    acknowledgment_code CHAR(2)      NOT NULL,
    acknowledgment      TEXT         NOT NULL,
    PRIMARY KEY (sending_application, control_id)
);
CREATE SEQUENCE temporary_patient_sequence;
