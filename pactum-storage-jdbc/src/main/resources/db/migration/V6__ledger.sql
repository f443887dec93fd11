-- The audit ledger: entries by index, kept complete-subtree hashes, and signed checkpoints.
-- One script for H2 (MODE=PostgreSQL, DATABASE_TO_LOWER=TRUE) and PostgreSQL, as V1. Identity
-- columns are BIGINT GENERATED ALWAYS AS IDENTITY, which both accept. Rows are only ever inserted.

-- One row per entry; entry_index runs 0, 1, 2, ... without gaps (JdbcLedgerStore checks it).
CREATE TABLE ledger_entries (
    entry_index  BIGINT  NOT NULL,
    -- the entry's canonical bytes, exactly as hashed
    encoded      BYTEA   NOT NULL,
    -- the Merkle leaf hash of encoded (32 bytes)
    leaf_hash    BYTEA   NOT NULL,
    CONSTRAINT pk_ledger_entries PRIMARY KEY (entry_index)
);

-- Kept hashes of complete subtrees: the 2^level leaves from start_index.
CREATE TABLE ledger_subtrees (
    level        INTEGER NOT NULL,
    start_index  BIGINT  NOT NULL,
    hash         BYTEA   NOT NULL,
    CONSTRAINT pk_ledger_subtrees PRIMARY KEY (level, start_index)
);

-- Signed checkpoints; seq keeps the order they were added in.
CREATE TABLE ledger_checkpoints (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY,
    tree_size   BIGINT       NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- the signed note text, as signed
    note        TEXT         NOT NULL,
    CONSTRAINT pk_ledger_checkpoints PRIMARY KEY (seq)
);

-- One row, locked (SELECT ... FOR UPDATE) by every append until it commits: the size is then read
-- and the new entries inserted by one writer at a time, also when several hub nodes share one
-- PostgreSQL database, so a stale writer fails its size check instead of racing on the key.
CREATE TABLE ledger_lock (
    id  INTEGER NOT NULL,
    CONSTRAINT pk_ledger_lock PRIMARY KEY (id)
);
INSERT INTO ledger_lock (id) VALUES (1);
