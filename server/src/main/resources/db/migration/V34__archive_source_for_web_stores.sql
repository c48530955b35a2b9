-- STOW-RS records its source as "STOW-RS <user>" (user names have up to 64 characters), longer than an AE title.
ALTER TABLE archive_instance ALTER COLUMN source_ae_title TYPE VARCHAR(80);
