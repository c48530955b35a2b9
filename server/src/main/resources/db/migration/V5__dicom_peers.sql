-- DICOM peers known by AE title, and what each may do. Associations from any other calling AE title
-- are rejected ("calling AE title not recognized").
CREATE TABLE dicom_peer (
    ae_title          VARCHAR(16)  PRIMARY KEY,
    description       VARCHAR(200) NOT NULL,
    host              VARCHAR(255),
    port              INT          CHECK (port BETWEEN 1 AND 65535),
    modality          VARCHAR(4),
    station_name      VARCHAR(64),
    permissions       VARCHAR(100) NOT NULL,
    enabled           BOOLEAN      NOT NULL DEFAULT TRUE,
    CHECK (ae_title <> '')
);
