-- Proofs attach the checkpoint of their tree size: find it without reading every checkpoint
-- (the hub signs one a minute while the ledger grows). One script for H2 and PostgreSQL.
CREATE INDEX idx_ledger_checkpoints_size ON ledger_checkpoints (tree_size, seq);
