-- Safety screens (issue 12, points 1, 3, 7): what a screen found beyond its answer, late findings recorded as
-- amendments, notifications for the roles that must act on them, and the procedure name in the patient's language.

-- The prior contrast reaction the patient reported (NONE, MILD, MODERATE, SEVERE, UNKNOWN), so the next exam
-- starts from it; a known fact the answer contradicts (with the reason given); an amendment after the start.
ALTER TABLE exam_screening ADD COLUMN prior_reaction   VARCHAR(10);
ALTER TABLE exam_screening ADD COLUMN contradicts      VARCHAR(1000);
ALTER TABLE exam_screening ADD COLUMN amended_from     VARCHAR(24);
ALTER TABLE exam_screening ADD COLUMN amendment_reason VARCHAR(500);
CREATE INDEX exam_screening_kind ON exam_screening (kind, exam_id);

-- Something a role must look at (a late finding, for instance), until someone in that role acknowledges it.
CREATE TABLE notification (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at       TIMESTAMPTZ   NOT NULL,
    role             VARCHAR(20)   NOT NULL,
    subject          VARCHAR(64)   NOT NULL,
    patient_id       VARCHAR(100),
    message          VARCHAR(2000) NOT NULL,
    link             VARCHAR(200),
    created_by       VARCHAR(64)   NOT NULL,
    acknowledged_by  VARCHAR(64),
    acknowledged_at  TIMESTAMPTZ
);
CREATE INDEX notification_open ON notification (role, created_at DESC) WHERE acknowledged_at IS NULL;

-- The handout names the procedure in the patient's language.
ALTER TABLE patient_instruction ADD COLUMN procedure_name VARCHAR(200);
UPDATE patient_instruction i SET procedure_name = p.name FROM procedure_type p
WHERE i.procedure_code = p.code AND i.language = 'en';
UPDATE patient_instruction i SET procedure_name = t.name FROM (VALUES
    ('CTHEAD',     'TC de cráneo sin contraste'),
    ('CTHEADC',    'TC de cráneo con contraste'),
    ('CTCSPINE',   'TC de columna cervical sin contraste'),
    ('CTCHEST',    'TC de tórax sin contraste'),
    ('CTCHESTC',   'TC de tórax con contraste'),
    ('CTPA',       'Angio-TC de arterias pulmonares'),
    ('CTABDPELC',  'TC de abdomen y pelvis con contraste'),
    ('CTKUB',      'TC de riñones, uréteres y vejiga (cálculos)'),
    ('CTTRAUMA',   'TC de cuerpo entero por traumatismo'),
    ('CTKNEE',     'TC de rodilla sin contraste'),
    ('XRCHEST2',   'Radiografía de tórax, 2 proyecciones'),
    ('XRCHEST1',   'Radiografía de tórax, 1 proyección (portátil)'),
    ('XRABD',      'Radiografía de abdomen, 1 proyección'),
    ('XRPELVIS',   'Radiografía de pelvis, 1 proyección'),
    ('XRLSPINE',   'Radiografía de columna lumbar'),
    ('XRHAND',     'Radiografía de mano, 3 proyecciones'),
    ('XRWRIST',    'Radiografía de muñeca, 3 proyecciones'),
    ('XRSHOULDER', 'Radiografía de hombro, 2 proyecciones'),
    ('XRKNEE',     'Radiografía de rodilla, 3 proyecciones'),
    ('XRANKLE',    'Radiografía de tobillo, 3 proyecciones'),
    ('XRFOOT',     'Radiografía de pie, 3 proyecciones'),
    ('XRHIP',      'Radiografía de cadera, 2 proyecciones'),
    ('MRBRAIN',    'Resonancia magnética de cerebro sin contraste'),
    ('MRBRAINC',   'Resonancia magnética de cerebro con y sin contraste'),
    ('MRLSPINE',   'Resonancia magnética de columna lumbar sin contraste'),
    ('MRKNEE',     'Resonancia magnética de rodilla sin contraste'),
    ('MRSHOULDER', 'Resonancia magnética de hombro sin contraste'),
    ('MRPROSTATE', 'Resonancia magnética multiparamétrica de próstata'),
    ('USABD',      'Ecografía abdominal completa'),
    ('USPELVIS',   'Ecografía pélvica transabdominal'),
    ('USOBFIRST',  'Ecografía obstétrica del primer trimestre'),
    ('USDVTLEG',   'Eco-Doppler venoso de pierna'),
    ('USTHYROID',  'Ecografía de tiroides'),
    ('USBREAST',   'Ecografía de mama'),
    ('RFBASWAL',   'Esofagograma con bario'),
    ('RFUGI',      'Estudio gastroduodenal con contraste'),
    ('RFHSG',      'Histerosalpingografía'),
    ('MGSCREEN',   'Mamografía de cribado, bilateral'),
    ('MGDIAG',     'Mamografía diagnóstica'),
    ('XAPICC',     'Colocación de catéter PICC'),
    ('XAANGIOLEG', 'Angiografía de la pierna'),
    ('XANEPHRO',   'Nefrostomía percutánea'),
    ('XABIOPSYL',  'Biopsia de hígado guiada por imagen')
) AS t (code, name)
WHERE i.procedure_code = t.code AND i.language = 'es';
