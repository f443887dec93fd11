-- Statements of JdbcDeviceStore. Each starts with a "-- name:" line; see SqlStatements.

-- name: insert
INSERT INTO devices (id, product_id, owner_id, subject_id, state, secret_hash, certificate_fingerprint,
                     sealed_mac_key, public_key, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)

-- name: find
SELECT id, product_id, owner_id, subject_id, state, secret_hash, certificate_fingerprint,
       sealed_mac_key, public_key, created_at, updated_at
FROM devices WHERE id = ?

-- name: list
SELECT id, product_id, owner_id, subject_id, state, secret_hash, certificate_fingerprint,
       sealed_mac_key, public_key, created_at, updated_at
FROM devices ORDER BY created_at, id

-- name: listByOwner
SELECT id, product_id, owner_id, subject_id, state, secret_hash, certificate_fingerprint,
       sealed_mac_key, public_key, created_at, updated_at
FROM devices WHERE owner_id = ? ORDER BY created_at, id

-- name: listByProduct
SELECT id, product_id, owner_id, subject_id, state, secret_hash, certificate_fingerprint,
       sealed_mac_key, public_key, created_at, updated_at
FROM devices WHERE product_id = ? ORDER BY created_at, id

-- name: update
UPDATE devices
SET product_id = ?, owner_id = ?, subject_id = ?, state = ?, secret_hash = ?, certificate_fingerprint = ?,
    sealed_mac_key = ?, public_key = ?, created_at = ?, updated_at = ?
WHERE id = ?

-- name: exists
SELECT 1 FROM devices WHERE id = ?
