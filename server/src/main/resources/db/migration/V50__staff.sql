-- Issue 21: staff records (credentials, licences, BLS, documents), continuing education, competencies with
-- site sign-offs and a lead's dated exceptions, students' clinical competency log, orientation checklists.

CREATE TABLE staff_member (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      BIGINT      NOT NULL UNIQUE REFERENCES user_account (id),
    birth_month  SMALLINT    CHECK (birth_month BETWEEN 1 AND 12),
    programme    VARCHAR(200),            -- students: the educational programme
    requirement_set VARCHAR(40),          -- students: the ARRT requirement set they are held to
    started_on   DATE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by   VARCHAR(64) NOT NULL
);

-- ARRT credentials (code R, CT, MR, ...), state licences and permits, BLS/CPR cards.
CREATE TABLE staff_credential (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_id     BIGINT       NOT NULL REFERENCES staff_member (id),
    kind         VARCHAR(20)  NOT NULL CHECK (kind IN ('ARRT', 'LICENCE', 'BLS', 'OTHER')),
    code         VARCHAR(40)  NOT NULL,
    number       VARCHAR(60)  NOT NULL,
    issued_on    DATE         NOT NULL,
    expires_on   DATE,
    removed      BOOLEAN      NOT NULL DEFAULT FALSE,
    recorded_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    recorded_by  VARCHAR(64)  NOT NULL,
    CHECK (expires_on IS NULL OR expires_on >= issued_on)
);
CREATE INDEX staff_credential_staff ON staff_credential (staff_id);

CREATE TABLE staff_document (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_id      BIGINT       NOT NULL REFERENCES staff_member (id),
    credential_id BIGINT       REFERENCES staff_credential (id),
    file_name     VARCHAR(200) NOT NULL,
    content_type  VARCHAR(40)  NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    storage_key   VARCHAR(200) NOT NULL UNIQUE,
    uploaded_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    uploaded_by   VARCHAR(64)  NOT NULL
);
CREATE INDEX staff_document_staff ON staff_document (staff_id);

CREATE TABLE staff_ce_activity (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_id     BIGINT        NOT NULL REFERENCES staff_member (id),
    title        VARCHAR(300)  NOT NULL,
    provider     VARCHAR(200),
    category     VARCHAR(10)   NOT NULL CHECK (category IN ('A', 'A_PLUS')),
    credits      NUMERIC(5, 2) NOT NULL CHECK (credits > 0 AND credits <= 100),
    completed_on DATE          NOT NULL,
    recorded_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    recorded_by  VARCHAR(64)   NOT NULL
);
CREATE INDEX staff_ce_activity_staff ON staff_ce_activity (staff_id, completed_on);

-- A lead's site sign-off: this person may perform this modality (or only this procedure of it).
CREATE TABLE staff_competency (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_id       BIGINT       NOT NULL REFERENCES staff_member (id),
    modality       VARCHAR(16)  NOT NULL,
    procedure_code VARCHAR(40),
    note           VARCHAR(500),
    signed_off_on  DATE         NOT NULL,
    signed_off_by  VARCHAR(64)  NOT NULL,
    revoked        BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX staff_competency_staff ON staff_competency (staff_id);

-- A lead's documented, dated exception: this person may start exams despite a missing competency or an
-- expired licence or card, until valid_until.
CREATE TABLE staff_exception (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_id     BIGINT        NOT NULL REFERENCES staff_member (id),
    reason       VARCHAR(1000) NOT NULL,
    valid_until  DATE          NOT NULL,
    recorded_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    recorded_by  VARCHAR(64)   NOT NULL
);
CREATE INDEX staff_exception_staff ON staff_exception (staff_id, valid_until);

-- Students' clinical competencies against a versioned ARRT requirement set (its items are in code: StudentRequirements).
CREATE TABLE staff_student_competency (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_id        BIGINT       NOT NULL REFERENCES staff_member (id),
    requirement_set VARCHAR(40)  NOT NULL,
    requirement     VARCHAR(40)  NOT NULL,
    performed_on    DATE         NOT NULL,
    simulated       BOOLEAN      NOT NULL DEFAULT FALSE,
    signed_off_by   VARCHAR(64)  NOT NULL,
    signed_off_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    note            VARCHAR(500),
    UNIQUE (staff_id, requirement_set, requirement)
);

CREATE TABLE staff_orientation_item (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_id      BIGINT       NOT NULL REFERENCES staff_member (id),
    position      INT          NOT NULL,
    item          VARCHAR(300) NOT NULL,
    signed_off_by VARCHAR(64),
    signed_off_at TIMESTAMPTZ,
    UNIQUE (staff_id, position)
);

-- JRCERT Standard Five: a student's repeat is done under direct supervision, the technologist physically present.
-- One row per repeat a student starts (the reject of the image to be repeated), naming who was in the room.
CREATE TABLE staff_direct_supervision (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    student     VARCHAR(64)  NOT NULL,
    supervisor  VARCHAR(64)  NOT NULL,
    activity    VARCHAR(20)  NOT NULL CHECK (activity IN ('REPEAT')),
    subject     VARCHAR(128) NOT NULL,   -- the SOP Instance UID of the image repeated
    modality    VARCHAR(16),
    recorded_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK (student <> supervisor)
);
CREATE INDEX staff_direct_supervision_student ON staff_direct_supervision (student, recorded_at);
