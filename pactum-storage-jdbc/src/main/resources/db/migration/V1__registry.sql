-- The registry: organisations, their API clients, products, devices, data subjects and device groups.
-- One script for H2 (MODE=PostgreSQL, DATABASE_TO_LOWER=TRUE) and PostgreSQL: only types and syntax
-- both accept. Instants are TIMESTAMP(6) WITH TIME ZONE (microseconds, the finer of the two cannot
-- be kept by PostgreSQL); binary is BYTEA, which H2 accepts as BINARY VARYING.

CREATE TABLE organisations (
    id          VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    role        VARCHAR(32)  NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_organisations PRIMARY KEY (id),
    CONSTRAINT uq_organisations_name UNIQUE (name)
);
CREATE INDEX ix_organisations_created ON organisations (created_at, id);

CREATE TABLE api_clients (
    id               VARCHAR(64)  NOT NULL,
    organisation_id  VARCHAR(64)  NOT NULL,
    name             VARCHAR(200) NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    -- enum names in declaration order, comma-separated, e.g. 'READ,WRITE'
    scopes           VARCHAR(64)  NOT NULL,
    token_hash       VARCHAR(512) NOT NULL,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP(6) WITH TIME ZONE,
    revoked_at       TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_api_clients PRIMARY KEY (id),
    CONSTRAINT uq_api_clients_name UNIQUE (organisation_id, name),
    CONSTRAINT fk_api_clients_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id)
);
CREATE INDEX ix_api_clients_organisation ON api_clients (organisation_id, created_at, id);

CREATE TABLE products (
    id                VARCHAR(64)  NOT NULL,
    supplier_id       VARCHAR(64)  NOT NULL,
    model             VARCHAR(200) NOT NULL,
    firmware_version  VARCHAR(200) NOT NULL,
    -- DataModel as JSON, written by DataModelJson
    data_model        TEXT         NOT NULL,
    payload_format    VARCHAR(32)  NOT NULL,
    approval_state    VARCHAR(32)  NOT NULL,
    approval_note     VARCHAR(200),
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_products PRIMARY KEY (id),
    CONSTRAINT uq_products_submission UNIQUE (supplier_id, model, firmware_version),
    CONSTRAINT fk_products_supplier FOREIGN KEY (supplier_id) REFERENCES organisations (id)
);
CREATE INDEX ix_products_created ON products (created_at, id);
CREATE INDEX ix_products_supplier ON products (supplier_id, created_at, id);

CREATE TABLE data_subjects (
    id          VARCHAR(64) NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_data_subjects PRIMARY KEY (id)
);
CREATE INDEX ix_data_subjects_created ON data_subjects (created_at, id);

CREATE TABLE devices (
    id                       VARCHAR(64)  NOT NULL,
    product_id               VARCHAR(64)  NOT NULL,
    owner_id                 VARCHAR(64)  NOT NULL,
    subject_id               VARCHAR(64),
    state                    VARCHAR(32)  NOT NULL,
    secret_hash              VARCHAR(512) NOT NULL,
    certificate_fingerprint  VARCHAR(64),
    sealed_mac_key           BYTEA        NOT NULL,
    created_at               TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at               TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_devices PRIMARY KEY (id),
    CONSTRAINT fk_devices_product FOREIGN KEY (product_id) REFERENCES products (id),
    CONSTRAINT fk_devices_owner FOREIGN KEY (owner_id) REFERENCES organisations (id),
    CONSTRAINT fk_devices_subject FOREIGN KEY (subject_id) REFERENCES data_subjects (id)
);
CREATE INDEX ix_devices_created ON devices (created_at, id);
CREATE INDEX ix_devices_owner ON devices (owner_id, created_at, id);
CREATE INDEX ix_devices_product ON devices (product_id);
CREATE INDEX ix_devices_subject ON devices (subject_id);

CREATE TABLE device_groups (
    id          VARCHAR(64)  NOT NULL,
    owner_id    VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_device_groups PRIMARY KEY (id),
    CONSTRAINT uq_device_groups_name UNIQUE (owner_id, name),
    CONSTRAINT fk_device_groups_owner FOREIGN KEY (owner_id) REFERENCES organisations (id)
);
CREATE INDEX ix_device_groups_created ON device_groups (created_at, id);
CREATE INDEX ix_device_groups_owner ON device_groups (owner_id, created_at, id);

CREATE TABLE device_group_members (
    group_id   VARCHAR(64) NOT NULL,
    device_id  VARCHAR(64) NOT NULL,
    CONSTRAINT pk_device_group_members PRIMARY KEY (group_id, device_id),
    CONSTRAINT fk_device_group_members_group FOREIGN KEY (group_id) REFERENCES device_groups (id),
    CONSTRAINT fk_device_group_members_device FOREIGN KEY (device_id) REFERENCES devices (id)
);
CREATE INDEX ix_device_group_members_device ON device_group_members (device_id);
