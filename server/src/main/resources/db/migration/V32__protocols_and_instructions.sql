-- Protocol, positioning and patient instructions per procedure. Seeded here for the whole catalog:
-- radiography view by view, the other modalities by what their exams share; leads refine them later.
CREATE TABLE procedure_protocol (
    procedure_code  VARCHAR(20)   PRIMARY KEY REFERENCES procedure_type (code),
    views           VARCHAR(500)  NOT NULL,
    positioning     VARCHAR(2000) NOT NULL,
    central_ray     VARCHAR(500)  NOT NULL,
    technique       VARCHAR(1000) NOT NULL,
    pediatric       VARCHAR(1000) NOT NULL,
    geriatric       VARCHAR(1000) NOT NULL
);

CREATE TABLE patient_instruction (
    procedure_code  VARCHAR(20)   NOT NULL REFERENCES procedure_type (code),
    language        VARCHAR(2)    NOT NULL CHECK (language IN ('en', 'es')),
    preparation     VARCHAR(2000) NOT NULL,
    what_to_expect  VARCHAR(2000) NOT NULL,
    PRIMARY KEY (procedure_code, language)
);

INSERT INTO procedure_protocol VALUES
('XRCHEST2', 'PA erect; left lateral erect', 'Patient erect facing the detector, chin raised, hands on hips, shoulders rolled forward to clear the scapulae. Lateral: left side to the detector, arms raised.', 'PA: T7, perpendicular. Lateral: mid-axillary line at T7.', '180 cm SID, 110-125 kVp, AEC with both outer chambers, full inspiration (second breath).', 'Erect if able with parent holding; else AP supine. Gonadal shielding not used (AAPM 2019). Lower kVp per weight chart.', 'Seat the patient for the PA if unsteady; check for kyphosis and angle the tube to the sternum.'),
('XRCHEST1', 'AP (portable or supine)', 'Patient as upright as tolerated, detector behind the back, shoulders rotated forward, lines and leads moved off the chest where safe.', 'T7 (3-4 cm below the jugular notch), perpendicular to the sternum.', '100-120 cm SID (note it), 85-95 kVp, grid if over 10 cm thick; mark AP and position.', 'Use the neonatal/paediatric chart; collimate tightly; grid off under 10 cm.', 'Support with pillows; avoid lifting by the arms.'),
('XRABD', 'AP supine', 'Supine, midsagittal plane centred, no rotation (ASIS equidistant), knees supported.', 'Iliac crests, perpendicular.', '100-115 cm SID, 75-85 kVp, grid, AEC centre chamber, expiration.', 'Reduce kVp/mAs per weight chart; collimate to the abdomen.', 'Check skin folds; a second image may be needed to include the symphysis.'),
('XRPELVIS', 'AP pelvis', 'Supine, legs internally rotated 15 degrees (unless fracture suspected), ASIS equidistant from the table.', 'Midway between ASIS and symphysis, perpendicular.', '100-115 cm SID, 75-85 kVp, grid, AEC lateral chambers.', 'Weight chart; include both hips.', 'Do not rotate a painful or shortened leg: suspected neck of femur fracture.'),
('XRLSPINE', 'AP; lateral; L5/S1 lateral spot if needed', 'AP supine with knees flexed; lateral on the left side with the spine parallel to the table (support the waist).', 'AP: iliac crests. Lateral: iliac crests, mid-coronal plane.', '100-115 cm SID, 80-95 kVp, grid, AEC centre chamber, expiration.', 'Rarely indicated; weight chart.', 'Flexed knees for comfort; radiolucent pads at the waist.'),
('XRHAND', 'PA; PA oblique; lateral', 'Seated at the table end, hand flat palm down, fingers slightly spread; oblique 45 degrees; lateral with fingers fanned.', 'Third MCP joint, perpendicular.', '100 cm SID, 55-60 kVp, no grid, small focus.', 'Bone age: PA of the left hand only.', 'Support arthritic fingers with pads; do not force flat.'),
('XRWRIST', 'PA; oblique; lateral; scaphoid views on request', 'Seated, forearm on the table, wrist flat; oblique 45 degrees externally; lateral with the ulna down.', 'Midcarpal, perpendicular.', '100 cm SID, 55-62 kVp, no grid, small focus.', 'Compare sides only on radiologist request.', 'Splints on: increase exposure slightly and note it.'),
('XRSHOULDER', 'AP (neutral); axial or Y view', 'Erect, back against the detector, rotate 35-45 degrees toward the affected side for a true AP (Grashey); Y view with the scapula lateral.', 'Coracoid process, perpendicular.', '100 cm SID, 70-75 kVp, grid, suspended respiration.', 'Supine if needed; weight chart.', 'Seated; do not abduct a painful arm for the axial: use the Y view.'),
('XRKNEE', 'AP; lateral (20-30 degrees flexion); skyline on request', 'Supine or seated, knee extended, leg internally rotated 3-5 degrees for AP; lateral on the affected side with the knee flexed 20-30 degrees.', 'AP: 1.5 cm below the patellar apex, 5-7 degrees cephalad. Lateral: medial epicondyle, 5 degrees cephalad.', '100 cm SID, 60-70 kVp, grid if over 10 cm; standing views for osteoarthritis on request.', 'Weight chart; include growth plates.', 'Weight-bearing AP if the patient can stand safely.'),
('XRANKLE', 'AP; mortise (15-20 degrees internal rotation); lateral', 'Supine, foot dorsiflexed, leg straight; mortise with the intermalleolar line parallel to the detector.', 'Midway between the malleoli, perpendicular.', '100 cm SID, 55-65 kVp, no grid.', 'Weight chart; include the whole fibula if proximal pain (Maisonneuve).', 'Support the leg; do not force dorsiflexion.'),
('XRFOOT', 'DP (10 degrees cephalad); oblique; lateral', 'Supine with the knee flexed, sole flat on the detector; oblique with 30-40 degrees medial rotation.', 'Base of the third metatarsal, 10 degrees cephalad.', '100 cm SID, 55-60 kVp, no grid.', 'Weight chart.', 'Weight-bearing views on request.'),
('XRHIP', 'AP pelvis or AP hip; horizontal-beam lateral (trauma) or frog lateral', 'Supine, leg internally rotated 15 degrees (not in suspected fracture); horizontal beam lateral with the other leg raised.', 'Femoral neck: 2.5 cm distal to the midpoint of ASIS and symphysis.', '100-115 cm SID, 75-85 kVp, grid.', 'Frog lateral for slipped epiphysis; weight chart.', 'Do not move a shortened, externally rotated leg: horizontal-beam lateral.');

-- Everything not written view by view above gets its modality's protocol, with the catalog's reference.
INSERT INTO procedure_protocol
SELECT p.code,
       CASE p.modality WHEN 'CT' THEN 'Scout AP and lateral; helical acquisition' WHEN 'MR' THEN 'Localiser; sequences per protocol ' || p.protocol_reference
            WHEN 'US' THEN 'Grey-scale survey; Doppler as indicated' WHEN 'RF' THEN 'Scout; fluoroscopic spot images per protocol'
            WHEN 'MG' THEN 'CC and MLO per breast' WHEN 'XA' THEN 'Fluoroscopy and acquisition runs per protocol' ELSE 'Per protocol' END,
       CASE p.modality WHEN 'CT' THEN 'Supine, ' || CASE WHEN p.body_part IN ('HEAD', 'CSPINE') THEN 'head first, head in the head holder, arms down' ELSE 'feet or head first, arms above the head' END || ', isocentre at the mid-coronal plane.'
            WHEN 'MR' THEN 'Screened and changed; coil for the ' || lower(p.body_part) || '; hearing protection; call bell in hand.'
            WHEN 'US' THEN 'Supine (or as needed); gel warmed; probe for the ' || lower(p.body_part) || '.'
            WHEN 'RF' THEN 'On the tilting table; positions as the examination proceeds.'
            WHEN 'MG' THEN 'Standing; breast compressed firmly for each view; explain why before each compression.'
            ELSE 'Supine on the angiography table; sterile field after the time-out.' END,
       CASE p.modality WHEN 'CT' THEN 'Laser at the region of interest; scan range from the scouts.' WHEN 'MG' THEN 'Per view.' ELSE 'Not applicable.' END,
       CASE p.modality WHEN 'CT' THEN 'Protocol ' || p.protocol_reference || CASE WHEN p.contrast THEN '; contrast per weight and eGFR (contrast panel)' ELSE '' END || '; dose check against the notification values.'
            WHEN 'MR' THEN 'Protocol ' || p.protocol_reference || CASE WHEN p.contrast THEN '; gadolinium per weight and eGFR' ELSE '' END || '; SAR in normal mode.'
            ELSE 'Protocol ' || p.protocol_reference || '.' END,
       'Use the paediatric protocol and weight-based settings; a parent may stay (screened for MR).',
       'Allow time to transfer; pads for pressure points; check hearing and understanding of breathing instructions.'
FROM procedure_type p
WHERE p.code NOT IN (SELECT procedure_code FROM procedure_protocol);

INSERT INTO patient_instruction
SELECT p.code, 'en',
       CASE WHEN p.modality = 'US' AND p.body_part = 'ABDOMEN' THEN 'Do not eat for 6 hours before. You may drink water and take your usual medicines.'
            WHEN p.modality = 'US' AND p.body_part = 'PELVIS' THEN 'Drink 1 litre of water one hour before and do not empty your bladder until after the scan.'
            WHEN p.modality = 'RF' THEN 'Do not eat or drink after midnight before the examination.'
            WHEN p.modality = 'MG' THEN 'Do not use deodorant, powder or lotion under the arms or on the breasts on the day.'
            WHEN p.modality = 'XA' THEN 'Do not eat for 6 hours before. Tell us about blood thinners. Bring someone to drive you home.'
            WHEN p.modality = 'MR' THEN 'Leave jewellery and metal at home. Tell us about any implant, pacemaker or metal in your body.'
            WHEN p.contrast THEN 'Drink plenty of water the day before. Tell us about allergies, kidney problems and diabetes medicines.'
            ELSE 'No special preparation. Wear clothes without metal, or you will be given a gown.' END,
       CASE p.modality WHEN 'CT' THEN 'You lie on a table that moves through a ring. It takes a few minutes and does not hurt.'
                       || CASE WHEN p.contrast THEN ' A dye is injected into a vein; you may feel warm for a moment.' ELSE '' END
            WHEN 'MR' THEN 'You lie in a tunnel-shaped scanner for 20 to 45 minutes. It is loud; you get ear protection and a call bell.'
            WHEN 'US' THEN 'Gel is put on your skin and a small probe moved over it. It does not hurt and uses no radiation.'
            WHEN 'RF' THEN 'You drink a contrast liquid while we take moving X-ray pictures. It takes about 30 minutes.'
            WHEN 'MG' THEN 'Each breast is pressed between two plates for a few seconds. It can be uncomfortable but is quick.'
            WHEN 'XA' THEN 'A doctor does the procedure with local anaesthetic and X-ray guidance. You rest afterwards before going home.'
            ELSE 'We take one or more X-ray pictures. You will be asked to keep still for a few seconds.' END
FROM procedure_type p;

INSERT INTO patient_instruction
SELECT p.code, 'es',
       CASE WHEN p.modality = 'US' AND p.body_part = 'ABDOMEN' THEN 'No coma durante las 6 horas anteriores. Puede beber agua y tomar sus medicinas habituales.'
            WHEN p.modality = 'US' AND p.body_part = 'PELVIS' THEN 'Beba 1 litro de agua una hora antes y no orine hasta después de la ecografía.'
            WHEN p.modality = 'RF' THEN 'No coma ni beba nada después de la medianoche anterior al examen.'
            WHEN p.modality = 'MG' THEN 'El día del examen no use desodorante, talco ni crema en las axilas ni en los senos.'
            WHEN p.modality = 'XA' THEN 'No coma durante las 6 horas anteriores. Avísenos si toma anticoagulantes. Venga con alguien que le lleve a casa.'
            WHEN p.modality = 'MR' THEN 'Deje joyas y objetos de metal en casa. Avísenos de cualquier implante, marcapasos o metal en su cuerpo.'
            WHEN p.contrast THEN 'Beba mucha agua el día anterior. Avísenos de alergias, problemas de riñón y medicinas para la diabetes.'
            ELSE 'No necesita preparación. Use ropa sin metal o le daremos una bata.' END,
       CASE p.modality WHEN 'CT' THEN 'Se acuesta en una camilla que pasa por un anillo. Dura unos minutos y no duele.'
                       || CASE WHEN p.contrast THEN ' Se inyecta un contraste en una vena; puede sentir calor un momento.' ELSE '' END
            WHEN 'MR' THEN 'Se acuesta en un escáner en forma de túnel de 20 a 45 minutos. Hace ruido; le damos protección para los oídos y un timbre.'
            WHEN 'US' THEN 'Se pone gel en la piel y se pasa una pequeña sonda. No duele y no usa radiación.'
            WHEN 'RF' THEN 'Bebe un líquido de contraste mientras tomamos imágenes de rayos X en movimiento. Dura unos 30 minutos.'
            WHEN 'MG' THEN 'Cada seno se presiona entre dos placas unos segundos. Puede ser incómodo pero es rápido.'
            WHEN 'XA' THEN 'Un médico hace el procedimiento con anestesia local y guía de rayos X. Descansa un rato antes de irse a casa.'
            ELSE 'Tomamos una o más radiografías. Le pediremos que se quede quieto unos segundos.' END
FROM procedure_type p;
