-- A recorded mismatch (wrong side, procedure or patient) holds the exam until a lead overrides it with a
-- reason or the ordering side corrects the order. Holds are never deleted: lifting one fills in who, when, how.
CREATE TABLE exam_hold (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    exam_id             BIGINT       NOT NULL REFERENCES exam (id),
    reason              VARCHAR(500) NOT NULL,
    expected_laterality CHAR(1)      CHECK (expected_laterality IN ('L', 'R', 'B')),
    placed_by           VARCHAR(64)  NOT NULL,
    placed_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    lifted_by           VARCHAR(64),
    lifted_at           TIMESTAMPTZ,
    lifted_how          VARCHAR(20)  CHECK (lifted_how IN ('LEAD_OVERRIDE', 'ORDER_CORRECTED')),
    lift_reason         VARCHAR(500)
);
CREATE UNIQUE INDEX exam_hold_open ON exam_hold (exam_id) WHERE lifted_at IS NULL;

-- History entries that are not state changes (hold placed, hold lifted, order corrected) keep the state and
-- say what happened here.
ALTER TABLE exam_transition ADD COLUMN event VARCHAR(20);

-- When the first image for the exam reached the archive (IHE SWF RAD-8), for "complete without images".
ALTER TABLE exam ADD COLUMN first_image_at TIMESTAMPTZ;
