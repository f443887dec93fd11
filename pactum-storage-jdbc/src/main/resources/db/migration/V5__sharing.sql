-- Sharing with partners: agreements, consent receipts, the recipients' outboxes with each delivery
-- channel's position in them, and webhooks with their dead letters.
-- One script for H2 (MODE=PostgreSQL, DATABASE_TO_LOWER=TRUE) and PostgreSQL, as V1. Identity
-- columns are BIGINT GENERATED ALWAYS AS IDENTITY, which both accept; enums are stored by name.

-- Data-sharing agreements. Sets, the field map and the command grants are JSON written by
-- AgreementJson; product and group ids sit inside JSON, so they carry no foreign key.
CREATE TABLE agreements (
    id                     VARCHAR(64)  NOT NULL,
    recipient_id           VARCHAR(64)  NOT NULL,
    product_ids            TEXT         NOT NULL,
    device_group_ids       TEXT         NOT NULL,
    fields                 TEXT         NOT NULL,
    purpose                VARCHAR(32)  NOT NULL,
    legal_basis            VARCHAR(32)  NOT NULL,
    valid_from             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    valid_until            TIMESTAMP(6) WITH TIME ZONE,
    rate_limit_per_minute  INTEGER      NOT NULL,
    -- a ChronoUnit name (MINUTES, HOURS, DAYS); NULL keeps exact time
    time_resolution        VARCHAR(16),
    commands               TEXT         NOT NULL,
    state                  VARCHAR(16)  NOT NULL,
    created_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_agreements PRIMARY KEY (id),
    CONSTRAINT fk_agreements_recipient FOREIGN KEY (recipient_id) REFERENCES organisations (id)
);
CREATE INDEX ix_agreements_created ON agreements (created_at, id);
CREATE INDEX ix_agreements_recipient ON agreements (recipient_id, created_at, id);

-- The append-only log of consent receipts; seq keeps the order they were appended in.
CREATE TABLE consent_receipts (
    seq              BIGINT GENERATED ALWAYS AS IDENTITY,
    receipt_id       VARCHAR(64)  NOT NULL,
    receipt_version  VARCHAR(200) NOT NULL,
    effective_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    subject_id       VARCHAR(64)  NOT NULL,
    -- the operator's organisation and API client that recorded the change: kept as recorded, no key
    controller_id    VARCHAR(64)  NOT NULL,
    recipient_id     VARCHAR(64)  NOT NULL,
    purpose          VARCHAR(32)  NOT NULL,
    legal_basis      VARCHAR(32)  NOT NULL,
    action           VARCHAR(16)  NOT NULL,
    method           VARCHAR(64)  NOT NULL,
    collected_by     VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_consent_receipts PRIMARY KEY (seq),
    CONSTRAINT uq_consent_receipts_receipt UNIQUE (receipt_id),
    CONSTRAINT fk_consent_receipts_subject FOREIGN KEY (subject_id) REFERENCES data_subjects (id),
    CONSTRAINT fk_consent_receipts_recipient FOREIGN KEY (recipient_id) REFERENCES organisations (id)
);
CREATE INDEX ix_consent_receipts_subject ON consent_receipts (subject_id, seq);

-- The recipients' outboxes: one row per released record and recipient, written in the same
-- transaction as the record. event_id is the global event id; JdbcRecordStore serialises the
-- transactions that insert here so ids become visible in increasing order. No foreign key to
-- device_records: record retention deletes records on its own schedule, the outbox on its own.
CREATE TABLE outbox (
    event_id      BIGINT GENERATED ALWAYS AS IDENTITY,
    recipient_id  VARCHAR(64)  NOT NULL,
    agreement_id  VARCHAR(64)  NOT NULL,
    purpose       VARCHAR(32)  NOT NULL,
    record_id     VARCHAR(64)  NOT NULL,
    -- the raw data subject id, for re-checking consent at delivery; never sent
    subject_id    VARCHAR(64),
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- the JSON object the recipient receives, without its event id
    body          TEXT         NOT NULL,
    CONSTRAINT pk_outbox PRIMARY KEY (event_id),
    CONSTRAINT fk_outbox_recipient FOREIGN KEY (recipient_id) REFERENCES organisations (id),
    CONSTRAINT fk_outbox_agreement FOREIGN KEY (agreement_id) REFERENCES agreements (id)
);
-- Per-recipient reads after a cursor, and the retention job by creation time.
CREATE INDEX ix_outbox_recipient_event ON outbox (recipient_id, event_id);
CREATE INDEX ix_outbox_created ON outbox (created_at);

-- One row, locked (SELECT ... FOR UPDATE) by every transaction that inserts outbox rows, from just
-- before its first insert until it commits: event ids are then taken and made visible in one order,
-- also when several hub nodes share one PostgreSQL database.
CREATE TABLE outbox_lock (
    id  INTEGER NOT NULL,
    CONSTRAINT pk_outbox_lock PRIMARY KEY (id)
);
INSERT INTO outbox_lock (id) VALUES (1);

-- The last event id each server-side channel (mqtt:<client id>, webhook:<id>) confirmed.
CREATE TABLE outbox_cursors (
    recipient_id  VARCHAR(64)  NOT NULL,
    channel       VARCHAR(256) NOT NULL,
    event_id      BIGINT       NOT NULL,
    CONSTRAINT pk_outbox_cursors PRIMARY KEY (recipient_id, channel),
    CONSTRAINT fk_outbox_cursors_recipient FOREIGN KEY (recipient_id) REFERENCES organisations (id)
);

-- Recipients' endpoints for signed HTTP deliveries; the HMAC key is stored sealed only.
CREATE TABLE webhooks (
    id             VARCHAR(64)   NOT NULL,
    recipient_id   VARCHAR(64)   NOT NULL,
    url            VARCHAR(2048) NOT NULL,
    sealed_secret  BYTEA         NOT NULL,
    enabled        BOOLEAN       NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_webhooks PRIMARY KEY (id),
    CONSTRAINT fk_webhooks_recipient FOREIGN KEY (recipient_id) REFERENCES organisations (id)
);
CREATE INDEX ix_webhooks_created ON webhooks (created_at, id);
CREATE INDEX ix_webhooks_recipient ON webhooks (recipient_id, created_at, id);

-- Events a webhook gave up on. No foreign key to the outbox: retention may delete the event first.
-- Deleting a webhook deletes its dead letters (JdbcWebhookStore does so explicitly; the cascade
-- also covers one recorded concurrently).
CREATE TABLE webhook_dead_letters (
    webhook_id        VARCHAR(64)  NOT NULL,
    event_id          BIGINT       NOT NULL,
    attempts          INTEGER      NOT NULL,
    last_error        TEXT         NOT NULL,
    dead_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    replay_requested  BOOLEAN      NOT NULL,
    CONSTRAINT pk_webhook_dead_letters PRIMARY KEY (webhook_id, event_id),
    CONSTRAINT fk_webhook_dead_letters_webhook FOREIGN KEY (webhook_id) REFERENCES webhooks (id)
        ON DELETE CASCADE
);
