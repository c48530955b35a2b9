-- Keys QIDO-RS must return (PS3.18 Table 10.6.3-4 and -5): Series Date and Time, and each image's size, frames and
-- Bits Allocated. Rows indexed before this migration have NULL here until stored again.
ALTER TABLE archive_series
    ADD COLUMN series_date DATE,
    ADD COLUMN series_time VARCHAR(16) NOT NULL DEFAULT '';

ALTER TABLE archive_instance
    ADD COLUMN image_rows       INT,
    ADD COLUMN image_columns    INT,
    ADD COLUMN number_of_frames INT,
    ADD COLUMN bits_allocated   INT;
