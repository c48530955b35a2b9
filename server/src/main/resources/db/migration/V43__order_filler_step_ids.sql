-- An external order filler (a RIS sending OMI^O23) may assign the Requested Procedure ID (IPC-2) and the
-- Scheduled Procedure Step ID (IPC-4) the modality must see in the worklist and send back in MPPS; kept as sent.
-- Null: Hounsfield assigns them (the accession number and SPS<exam id>).
ALTER TABLE exam ADD COLUMN requested_procedure_id VARCHAR(16);
ALTER TABLE exam ADD COLUMN scheduled_step_id VARCHAR(16);
