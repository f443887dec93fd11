-- Commands to devices (issue #3): what was sent, with which counter, and what became of it.
CREATE TABLE commands (
    id          VARCHAR(64)  NOT NULL,
    device_id   VARCHAR(64)  NOT NULL,
    name        VARCHAR(64)  NOT NULL,
    parameters  TEXT         NOT NULL,
    issued_by   VARCHAR(64)  NOT NULL,
    counter     BIGINT       NOT NULL,
    issued_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    state       VARCHAR(16)  NOT NULL,
    detail      VARCHAR(200),
    response    TEXT,
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_commands PRIMARY KEY (id),
    CONSTRAINT uq_commands_counter UNIQUE (device_id, counter),
    CONSTRAINT fk_commands_device FOREIGN KEY (device_id) REFERENCES devices (id)
);
