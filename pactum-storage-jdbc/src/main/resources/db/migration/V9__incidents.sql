-- Incidents and their timelines.
-- One script for H2 (MODE=PostgreSQL, DATABASE_TO_LOWER=TRUE) and PostgreSQL, as V1; enums are
-- stored by name.

-- One row per incident. The affected device, organisation and data subject ids and the linked
-- signal summaries are JSON text written by JdbcIncidentStore: they are always read and written
-- whole with their incident and never searched by element, JSON text is portable where SQL arrays
-- are not (their JDBC handling differs between H2 and PostgreSQL), and, as for agreements, the ids
-- carry no foreign keys: an incident may name a device or client that is unknown or since deleted.
-- version guards against lost updates: an update names the version it read.
CREATE TABLE incidents (
    id                VARCHAR(64)  NOT NULL,
    detector          VARCHAR(64)  NOT NULL,
    subject           VARCHAR(256) NOT NULL,
    title             VARCHAR(200) NOT NULL,
    severity          VARCHAR(16)  NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    detected_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_signal_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    contained_at      TIMESTAMP(6) WITH TIME ZONE,
    resolved_at       TIMESTAMP(6) WITH TIME ZONE,
    device_ids        TEXT         NOT NULL,
    organisation_ids  TEXT         NOT NULL,
    -- personal data: raw data subject ids
    data_subject_ids  TEXT         NOT NULL,
    signals           TEXT         NOT NULL,
    signal_count      BIGINT       NOT NULL,
    -- the operator's API client handling it; kept as assigned, no key
    assignee          VARCHAR(64),
    version           BIGINT       NOT NULL,
    CONSTRAINT pk_incidents PRIMARY KEY (id)
);
-- Listing newest first, optionally by status; finding the active incident of a detector and subject.
CREATE INDEX ix_incidents_detected ON incidents (detected_at, id);
CREATE INDEX ix_incidents_status ON incidents (status, detected_at, id);
CREATE INDEX ix_incidents_detector_subject ON incidents (detector, subject, status);

-- Each incident's timeline: seq runs 1, 2, 3, ... per incident, assigned while the incident's row
-- is locked, so concurrent appends cannot take the same number. Rows are only ever inserted.
CREATE TABLE incident_timeline (
    incident_id  VARCHAR(64)  NOT NULL,
    seq          BIGINT       NOT NULL,
    entry_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- 'hub' or the operator's API client id
    actor        VARCHAR(64)  NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    action       VARCHAR(64),
    target       VARCHAR(256),
    detail       TEXT         NOT NULL,
    CONSTRAINT pk_incident_timeline PRIMARY KEY (incident_id, seq),
    CONSTRAINT fk_incident_timeline_incident FOREIGN KEY (incident_id) REFERENCES incidents (id)
);
