-- The ingest path (issue #3): how each product's messages are treated.
-- Existing products get the secure defaults: protection required, implausible values rejected.

ALTER TABLE products ADD COLUMN protection_required BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE products ADD COLUMN implausible_values VARCHAR(16) NOT NULL DEFAULT 'REJECT';
ALTER TABLE products ADD COLUMN retention_days INTEGER NOT NULL DEFAULT 365;
