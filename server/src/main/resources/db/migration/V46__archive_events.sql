-- Archive events (a transactional outbox): each row is written in the transaction of the change it reports, so
-- that a committed change always has its event and a rolled-back one never does, and it survives a crash.
-- Rows are numbered (seq) by one numbering step after they commit, in the order they became visible: a reader
-- that has seen seq N can never later find a committed row below N, which a sequence drawn at insert time (by
-- concurrent transactions committing in another order) would not promise.
CREATE SEQUENCE archive_event_seq;

CREATE TABLE archive_event (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    seq                 BIGINT       UNIQUE,
    kind                VARCHAR(20)  NOT NULL,
    study_instance_uid  VARCHAR(64)  NOT NULL,
    series_instance_uid VARCHAR(64),
    sop_instance_uid    VARCHAR(64),
    accession_number    VARCHAR(16)  NOT NULL DEFAULT '',
    source_ae_title     VARCHAR(64)  NOT NULL DEFAULT '',
    quarantined         BOOLEAN      NOT NULL DEFAULT false,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX archive_event_unnumbered ON archive_event (id) WHERE seq IS NULL;

-- Where each consumer is: the last seq it has taken, and, while it fails, when to try it again.
CREATE TABLE archive_event_consumer (
    name            VARCHAR(100) PRIMARY KEY,
    position        BIGINT       NOT NULL DEFAULT 0,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_error      VARCHAR(500),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Studies that received an instance since they last quiesced, and when the latest one was stored. Few rows (the
-- studies of the last quiet period), updated once per instance: no index beyond the key, so updates stay HOT.
CREATE TABLE archive_event_active_study (
    study_instance_uid VARCHAR(64)  PRIMARY KEY,
    accession_number   VARCHAR(16)  NOT NULL DEFAULT '',
    last_stored_at     TIMESTAMPTZ  NOT NULL
);
