-- MSH-10 of every message Hounsfield writes (acknowledgments and outbound status messages): one sequence in
-- the database, so that control ids stay unique across restarts and across nodes.
CREATE SEQUENCE hl7_control_id;
