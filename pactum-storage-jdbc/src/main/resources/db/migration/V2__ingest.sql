-- The ingest path (issue #3): how each product's messages are read and treated.
-- Existing products get the defaults: read by their format's defaults (TranslationJson, '{}'),
-- protection required, implausible values rejected.

ALTER TABLE products ADD COLUMN translation TEXT NOT NULL DEFAULT '{}';
ALTER TABLE products ADD COLUMN protection_required BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE products ADD COLUMN implausible_values VARCHAR(16) NOT NULL DEFAULT 'REJECT';
ALTER TABLE products ADD COLUMN retention_days INTEGER NOT NULL DEFAULT 365;

-- Accepted device records in canonical form. Fields are JSON written by RecordFieldsJson.
CREATE TABLE device_records (
    id           VARCHAR(64)  NOT NULL,
    device_id    VARCHAR(64)  NOT NULL,
    product_id   VARCHAR(64)  NOT NULL,
    subject_id   VARCHAR(64),
    channel      VARCHAR(16)  NOT NULL,
    measured_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    received_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    fields       TEXT         NOT NULL,
    adapter      VARCHAR(16)  NOT NULL,
    integrity    VARCHAR(16)  NOT NULL,
    counter      BIGINT,
    flagged      BOOLEAN      NOT NULL,
    CONSTRAINT pk_device_records PRIMARY KEY (id),
    CONSTRAINT fk_device_records_device FOREIGN KEY (device_id) REFERENCES devices (id),
    CONSTRAINT fk_device_records_product FOREIGN KEY (product_id) REFERENCES products (id)
);
-- Queries by device over time, and the retention job by product over arrival time.
CREATE INDEX ix_device_records_device_time ON device_records (device_id, measured_at);
CREATE INDEX ix_device_records_product_received ON device_records (product_id, received_at);

-- Per-device anti-replay state: the highest accepted counter and a bitmap of the 64 up to it.
CREATE TABLE replay_windows (
    device_id  VARCHAR(64) NOT NULL,
    highest    BIGINT      NOT NULL,
    bitmap     BIGINT      NOT NULL,
    CONSTRAINT pk_replay_windows PRIMARY KEY (device_id),
    CONSTRAINT fk_replay_windows_device FOREIGN KEY (device_id) REFERENCES devices (id)
);
