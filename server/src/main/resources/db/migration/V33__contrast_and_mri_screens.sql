-- Contrast and MRI safety screens join the pregnancy screen.
ALTER TABLE exam_screening DROP CONSTRAINT exam_screening_kind_check;
ALTER TABLE exam_screening ADD CONSTRAINT exam_screening_kind_check CHECK (kind IN ('PREGNANCY', 'CONTRAST', 'MRI'));
ALTER TABLE exam_screening ALTER COLUMN method TYPE VARCHAR(500);
