-- A rejected quarantined instance is not deleted at once: it is marked rejected (still hidden from query and
-- retrieval, as every quarantined instance is) and can be restored to the quarantine list until the grace period
-- ends; a scheduled purge then deletes its row and file. rejected_by names who rejected it, for the restore page.
ALTER TABLE archive_instance ADD COLUMN rejected_at TIMESTAMPTZ;
ALTER TABLE archive_instance ADD COLUMN rejected_by VARCHAR(80);
CREATE INDEX archive_instance_rejected ON archive_instance (rejected_at) WHERE rejected_at IS NOT NULL;
