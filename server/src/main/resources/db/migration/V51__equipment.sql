-- Equipment records (issue 19): each unit has its own id; its DICOM peers (AE titles) point to it, and the
-- header values it has sent (Device Serial Number, Device Observer UID, Station Name) are kept as aliases, so
-- that a changed station name adds an alias rather than a new device.
CREATE TABLE equipment (
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                  VARCHAR(64)  NOT NULL UNIQUE,
    room                  VARCHAR(64)  NOT NULL,
    modality              VARCHAR(4)   NOT NULL,
    manufacturer          VARCHAR(64),
    model                 VARCHAR(64),
    serial_number         VARCHAR(64),
    software_version      VARCHAR(64),
    service_contacts      VARCHAR(500),
    status                VARCHAR(16)  NOT NULL DEFAULT 'IN_SERVICE'
                          CHECK (status IN ('IN_SERVICE', 'LIMITED', 'OUT_OF_SERVICE')),
    status_since          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    status_reason         VARCHAR(500),
    qc_failure_rule       BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at            TIMESTAMPTZ  NOT NULL DEFAULT now()
);

ALTER TABLE dicom_peer ADD COLUMN equipment_id BIGINT REFERENCES equipment (id);

CREATE TABLE equipment_alias (
    equipment_id BIGINT       NOT NULL REFERENCES equipment (id),
    kind         VARCHAR(16)  NOT NULL CHECK (kind IN ('SERIAL_NUMBER', 'OBSERVER_UID', 'STATION_NAME')),
    value        VARCHAR(64)  NOT NULL,
    added_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (kind, value)
);

-- Every status decision: who, when, why. Downtime is read from here.
CREATE TABLE equipment_status_change (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    equipment_id  BIGINT       NOT NULL REFERENCES equipment (id),
    from_status   VARCHAR(16),
    to_status     VARCHAR(16)  NOT NULL,
    reason        VARCHAR(500) NOT NULL,
    changed_by    VARCHAR(64)  NOT NULL,
    changed_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX equipment_status_change_by_unit ON equipment_status_change (equipment_id, changed_at);

CREATE TABLE room_cleaning (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    room        VARCHAR(64)  NOT NULL,
    cleaned_by  VARCHAR(64)  NOT NULL,
    cleaned_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX room_cleaning_by_room ON room_cleaning (room, cleaned_at);

CREATE TABLE equipment_fault (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    equipment_id      BIGINT        NOT NULL REFERENCES equipment (id),
    symptom           VARCHAR(500)  NOT NULL,
    error_code        VARCHAR(64),
    severity          VARCHAR(16)   NOT NULL CHECK (severity IN ('MINOR', 'DEGRADED', 'STOPS_SCANNING')),
    notes             VARCHAR(2000),
    reported_by       VARCHAR(64)   NOT NULL,
    reported_at       TIMESTAMPTZ   NOT NULL,
    vendor_ticket     VARCHAR(64),
    service_called_at TIMESTAMPTZ,
    resolved_at       TIMESTAMPTZ,
    resolved_by       VARCHAR(64),
    resolution        VARCHAR(1000)
);

CREATE TABLE equipment_fault_action (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fault_id   BIGINT        NOT NULL REFERENCES equipment_fault (id),
    action     VARCHAR(500)  NOT NULL,
    taken_by   VARCHAR(64)   NOT NULL,
    taken_at   TIMESTAMPTZ   NOT NULL
);

-- The modalities already known become units of their own, one room each.
INSERT INTO equipment (name, room, modality)
SELECT ae_title, COALESCE(station_name, ae_title), modality FROM dicom_peer WHERE modality IS NOT NULL;
UPDATE dicom_peer p SET equipment_id = e.id FROM equipment e WHERE e.name = p.ae_title;
