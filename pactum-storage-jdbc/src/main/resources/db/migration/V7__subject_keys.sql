-- Data subjects' keys for crypto-shredding the audit ledger (see docs/crypto-shredding.md).
-- One script for H2 (MODE=PostgreSQL, DATABASE_TO_LOWER=TRUE) and PostgreSQL, as V1.
-- Erasing a subject's key deletes its row: nothing else keeps the key, so the subject's sealed
-- ledger details can no longer be opened.

-- At most one key per subject. No foreign key to data_subjects: a key may outlive the subject's
-- row (it is erased on its own request), and the ledger may name subjects the registry never held.
CREATE TABLE subject_keys (
    -- random, base64url; what sealed values name, so it must not reveal the subject
    key_id       VARCHAR(64)  NOT NULL,
    subject_id   VARCHAR(64)  NOT NULL,
    -- the AES-256 key sealed by the hub's master key, bound to key_id and subject_id
    wrapped_key  BYTEA        NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_subject_keys PRIMARY KEY (key_id),
    CONSTRAINT uq_subject_keys_subject UNIQUE (subject_id)
);
