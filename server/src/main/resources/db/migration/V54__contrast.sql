-- Contrast media: agents, the screening details beyond the cockpit's screen answer, the radiologist's decision,
-- premedication doses, administrations, reactions, extravasations and the patient's contrast allergy entries.
-- ACR Manual on Contrast Media; ACR–NKF consensus statements (Davenport et al., Radiology 2020;294:660;
-- Weinreb et al., Radiology 2021;298:28).

CREATE TABLE contrast_agent (
    code               VARCHAR(40)  PRIMARY KEY,
    name               VARCHAR(120) NOT NULL,
    agent_class        VARCHAR(12)  NOT NULL CHECK (agent_class IN ('IODINATED', 'GBCA')),
    -- ACR NSF risk group of a gadolinium-based agent; null for iodinated agents
    acr_group          VARCHAR(3)   CHECK (acr_group IN ('I', 'II', 'III')),
    concentration      NUMERIC(8, 3) NOT NULL,
    concentration_unit VARCHAR(20)  NOT NULL,
    CHECK ((agent_class = 'GBCA') = (acr_group IS NOT NULL))
);

INSERT INTO contrast_agent (code, name, agent_class, acr_group, concentration, concentration_unit) VALUES
    ('IOHEXOL_350', 'Iohexol 350 (Omnipaque 350)', 'IODINATED', NULL, 350, 'mg iodine/mL'),
    ('IOHEXOL_300', 'Iohexol 300 (Omnipaque 300)', 'IODINATED', NULL, 300, 'mg iodine/mL'),
    ('IODIXANOL_320', 'Iodixanol 320 (Visipaque 320)', 'IODINATED', NULL, 320, 'mg iodine/mL'),
    ('IOPAMIDOL_370', 'Iopamidol 370 (Isovue 370)', 'IODINATED', NULL, 370, 'mg iodine/mL'),
    ('GADOTERATE', 'Gadoterate meglumine (Dotarem, Clariscan)', 'GBCA', 'II', 0.5, 'mmol/mL'),
    ('GADOBUTROL', 'Gadobutrol (Gadavist)', 'GBCA', 'II', 1.0, 'mmol/mL'),
    ('GADOTERIDOL', 'Gadoteridol (ProHance)', 'GBCA', 'II', 0.5, 'mmol/mL'),
    ('GADOBENATE', 'Gadobenate dimeglumine (MultiHance)', 'GBCA', 'II', 0.5, 'mmol/mL'),
    ('GADOXETATE', 'Gadoxetate disodium (Eovist)', 'GBCA', 'III', 0.25, 'mmol/mL'),
    ('GADOPENTETATE', 'Gadopentetate dimeglumine (Magnevist)', 'GBCA', 'I', 0.5, 'mmol/mL'),
    ('GADODIAMIDE', 'Gadodiamide (Omniscan)', 'GBCA', 'I', 0.5, 'mmol/mL');

-- What the contrast screen asked beyond its answer (which stays in exam_screening with the cockpit).
CREATE TABLE contrast_screening (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    exam_id       BIGINT      NOT NULL REFERENCES exam (id),
    agent_code    VARCHAR(40) REFERENCES contrast_agent (code),
    egfr          INTEGER,
    egfr_date     DATE,
    aki           BOOLEAN     NOT NULL,
    dialysis      BOOLEAN     NOT NULL,
    metformin     BOOLEAN     NOT NULL,
    pregnant      BOOLEAN     NOT NULL,
    breastfeeding BOOLEAN     NOT NULL,
    recorded_by   VARCHAR(64) NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX contrast_screening_exam ON contrast_screening (exam_id);

CREATE TABLE contrast_decision (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    exam_id    BIGINT       NOT NULL REFERENCES exam (id),
    decision   VARCHAR(20)  NOT NULL CHECK (decision IN ('PROCEED', 'PREMEDICATE', 'ALTERNATIVE_AGENT', 'CANCEL')),
    note       VARCHAR(500) NOT NULL,
    decided_by VARCHAR(64)  NOT NULL,
    decided_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX contrast_decision_exam ON contrast_decision (exam_id);

CREATE TABLE contrast_premedication_dose (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    exam_id     BIGINT       NOT NULL REFERENCES exam (id),
    regimen     VARCHAR(30)  NOT NULL,
    drug        VARCHAR(120) NOT NULL,
    given_at    TIMESTAMPTZ  NOT NULL,
    recorded_by VARCHAR(64)  NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX contrast_premedication_exam ON contrast_premedication_dose (exam_id);

CREATE TABLE contrast_administration (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    exam_id         BIGINT        NOT NULL REFERENCES exam (id),
    lot_id          BIGINT        NOT NULL,
    agent_code      VARCHAR(40)   REFERENCES contrast_agent (code),
    agent_name      VARCHAR(200)  NOT NULL,
    lot_number      VARCHAR(40)   NOT NULL,
    expiry          DATE,
    concentration   VARCHAR(40),
    volume_ml       NUMERIC(8, 1) NOT NULL CHECK (volume_ml > 0),
    route           VARCHAR(20)   NOT NULL,
    site            VARCHAR(100),
    rate_ml_s       NUMERIC(5, 1),
    injector        VARCHAR(100),
    administered_by VARCHAR(64)   NOT NULL,
    administered_at TIMESTAMPTZ   NOT NULL,
    recorded_at     TIMESTAMPTZ   NOT NULL
);
CREATE INDEX contrast_administration_exam ON contrast_administration (exam_id);

CREATE TABLE contrast_reaction (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    exam_id       BIGINT       NOT NULL REFERENCES exam (id),
    onset_at      TIMESTAMPTZ  NOT NULL,
    reaction_type VARCHAR(20)  NOT NULL CHECK (reaction_type IN ('ALLERGIC_LIKE', 'PHYSIOLOGIC')),
    severity      VARCHAR(10)  NOT NULL CHECK (severity IN ('MILD', 'MODERATE', 'SEVERE')),
    manifestation VARCHAR(200) NOT NULL,
    treatment     VARCHAR(500),
    outcome       VARCHAR(500),
    follow_up     VARCHAR(500),
    recorded_by   VARCHAR(64)  NOT NULL,
    recorded_at   TIMESTAMPTZ  NOT NULL
);

CREATE TABLE contrast_extravasation (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    exam_id     BIGINT        NOT NULL REFERENCES exam (id),
    volume_ml   NUMERIC(8, 1) NOT NULL CHECK (volume_ml > 0),
    site        VARCHAR(100)  NOT NULL,
    treatment   VARCHAR(500),
    follow_up   VARCHAR(500)  NOT NULL,
    recorded_by VARCHAR(64)   NOT NULL,
    recorded_at TIMESTAMPTZ   NOT NULL
);

-- The patient's contrast allergy entries, kept here because the patient record holds only ADT's allergy text
-- (AL1), which the next ADT update would overwrite. Moved to the survivor when patients are merged.
CREATE TABLE contrast_allergy (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id    BIGINT       NOT NULL REFERENCES patient (id),
    reaction_id   BIGINT       REFERENCES contrast_reaction (id),
    agent_class   VARCHAR(12)  NOT NULL CHECK (agent_class IN ('IODINATED', 'GBCA')),
    agent_name    VARCHAR(200),
    severity      VARCHAR(10)  NOT NULL,
    manifestation VARCHAR(200) NOT NULL,
    reacted_on    DATE         NOT NULL,
    recorded_by   VARCHAR(64)  NOT NULL,
    recorded_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX contrast_allergy_patient ON contrast_allergy (patient_id);
