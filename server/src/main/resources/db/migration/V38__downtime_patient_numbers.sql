-- Local MRNs for patients registered at the desk while the hospital's ADT is down (issuer
-- HOUNSFIELD-DOWNTIME); ADT later merges them into the hospital MRN (A40).
CREATE SEQUENCE downtime_patient_sequence;
CREATE INDEX patient_birth_date ON patient (birth_date);
