-- Devices that sign their messages with COSE_Sign1 register a public key (issue #3):
-- the DER SubjectPublicKeyInfo of an Ed25519 or EC P-256 key.
ALTER TABLE devices ADD COLUMN public_key BYTEA;
