-- A starting catalog for a general hospital department. Codes are local; protocol references point
-- to the protocol feature. Durations are room time, including positioning.
INSERT INTO procedure_type (code, name, modality, body_part, laterality_required, duration_minutes, contrast, protocol_reference) VALUES
-- CT
('CTHEAD',    'CT head without contrast',                       'CT', 'HEAD',        FALSE, 15, FALSE, 'CT-HEAD-ROUTINE'),
('CTHEADC',   'CT head with contrast',                          'CT', 'HEAD',        FALSE, 20, TRUE,  'CT-HEAD-CONTRAST'),
('CTCSPINE',  'CT cervical spine without contrast',             'CT', 'CSPINE',      FALSE, 15, FALSE, 'CT-CSPINE'),
('CTCHEST',   'CT chest without contrast',                      'CT', 'CHEST',       FALSE, 15, FALSE, 'CT-CHEST'),
('CTCHESTC',  'CT chest with contrast',                         'CT', 'CHEST',       FALSE, 20, TRUE,  'CT-CHEST-CONTRAST'),
('CTPA',      'CT pulmonary angiogram',                         'CT', 'CHEST',       FALSE, 20, TRUE,  'CT-CTPA'),
('CTABDPELC', 'CT abdomen and pelvis with contrast',            'CT', 'ABDOMENPELVIS', FALSE, 20, TRUE, 'CT-AP-PORTAL'),
('CTKUB',     'CT kidneys, ureters, bladder (stone protocol)',  'CT', 'ABDOMENPELVIS', FALSE, 15, FALSE, 'CT-KUB-LOWDOSE'),
('CTTRAUMA',  'CT trauma pan-scan',                             'CT', 'WHOLEBODY',   FALSE, 30, TRUE,  'CT-TRAUMA'),
('CTKNEE',    'CT knee without contrast',                       'CT', 'KNEE',        TRUE,  15, FALSE, 'CT-KNEE'),
-- Radiography
('XRCHEST2',  'XR chest, 2 views (PA and lateral)',             'DX', 'CHEST',       FALSE, 10, FALSE, 'DX-CHEST-PA-LAT'),
('XRCHEST1',  'XR chest, 1 view (AP portable)',                 'DX', 'CHEST',       FALSE, 10, FALSE, 'DX-CHEST-AP'),
('XRABD',     'XR abdomen, 1 view',                             'DX', 'ABDOMEN',     FALSE, 10, FALSE, 'DX-ABDOMEN'),
('XRPELVIS',  'XR pelvis, 1 view',                              'DX', 'PELVIS',      FALSE, 10, FALSE, 'DX-PELVIS'),
('XRLSPINE',  'XR lumbar spine, 2-3 views',                     'DX', 'LSPINE',      FALSE, 15, FALSE, 'DX-LSPINE'),
('XRHAND',    'XR hand, 3 views',                               'DX', 'HAND',        TRUE,  10, FALSE, 'DX-HAND'),
('XRWRIST',   'XR wrist, 3 views',                              'DX', 'WRIST',       TRUE,  10, FALSE, 'DX-WRIST'),
('XRSHOULDER','XR shoulder, 2 views',                           'DX', 'SHOULDER',    TRUE,  10, FALSE, 'DX-SHOULDER'),
('XRKNEE',    'XR knee, 3 views',                               'DX', 'KNEE',        TRUE,  10, FALSE, 'DX-KNEE'),
('XRANKLE',   'XR ankle, 3 views',                              'DX', 'ANKLE',       TRUE,  10, FALSE, 'DX-ANKLE'),
('XRFOOT',    'XR foot, 3 views',                               'DX', 'FOOT',        TRUE,  10, FALSE, 'DX-FOOT'),
('XRHIP',     'XR hip, 2 views',                                'DX', 'HIP',         TRUE,  10, FALSE, 'DX-HIP'),
-- MR
('MRBRAIN',   'MR brain without contrast',                      'MR', 'HEAD',        FALSE, 30, FALSE, 'MR-BRAIN'),
('MRBRAINC',  'MR brain with and without contrast',             'MR', 'HEAD',        FALSE, 45, TRUE,  'MR-BRAIN-GAD'),
('MRLSPINE',  'MR lumbar spine without contrast',               'MR', 'LSPINE',      FALSE, 30, FALSE, 'MR-LSPINE'),
('MRKNEE',    'MR knee without contrast',                       'MR', 'KNEE',        TRUE,  30, FALSE, 'MR-KNEE'),
('MRSHOULDER','MR shoulder without contrast',                   'MR', 'SHOULDER',    TRUE,  30, FALSE, 'MR-SHOULDER'),
('MRPROSTATE','MR prostate multiparametric',                    'MR', 'PELVIS',      FALSE, 45, TRUE,  'MR-PROSTATE-MP'),
-- Ultrasound
('USABD',     'US abdomen complete',                            'US', 'ABDOMEN',     FALSE, 30, FALSE, 'US-ABDOMEN'),
('USPELVIS',  'US pelvis transabdominal',                       'US', 'PELVIS',      FALSE, 30, FALSE, 'US-PELVIS'),
('USOBFIRST', 'US obstetric, first trimester',                  'US', 'PELVIS',      FALSE, 30, FALSE, 'US-OB-T1'),
('USDVTLEG',  'US venous duplex, lower extremity',              'US', 'LEG',         TRUE,  30, FALSE, 'US-DVT'),
('USTHYROID', 'US thyroid',                                     'US', 'NECK',        FALSE, 20, FALSE, 'US-THYROID'),
('USBREAST',  'US breast',                                      'US', 'BREAST',      TRUE,  20, FALSE, 'US-BREAST'),
-- Fluoroscopy
('RFBASWAL',  'Fluoroscopy barium swallow',                     'RF', 'ESOPHAGUS',   FALSE, 30, TRUE,  'RF-BARIUM-SWALLOW'),
('RFUGI',     'Fluoroscopy upper GI series',                    'RF', 'STOMACH',     FALSE, 30, TRUE,  'RF-UGI'),
('RFHSG',     'Hysterosalpingogram',                            'RF', 'PELVIS',      FALSE, 30, TRUE,  'RF-HSG'),
-- Mammography
('MGSCREEN',  'Mammography screening, bilateral',               'MG', 'BREAST',      FALSE, 20, FALSE, 'MG-SCREEN'),
('MGDIAG',    'Mammography diagnostic',                         'MG', 'BREAST',      TRUE,  30, FALSE, 'MG-DIAGNOSTIC'),
-- Interventional
('XAPICC',    'PICC line placement',                            'XA', 'ARM',         TRUE,  45, FALSE, 'IR-PICC'),
('XAANGIOLEG','Peripheral angiogram, lower extremity',          'XA', 'LEG',         TRUE,  90, TRUE,  'IR-ANGIO-LE'),
('XANEPHRO',  'Percutaneous nephrostomy',                       'XA', 'KIDNEY',      TRUE,  60, TRUE,  'IR-NEPHROSTOMY'),
('XABIOPSYL', 'Image-guided liver biopsy',                      'XA', 'LIVER',       FALSE, 60, FALSE, 'IR-LIVER-BIOPSY');
