-- Statements of JdbcAgreementStore. Each starts with a "-- name:" line; see SqlStatements.

-- name: insert
INSERT INTO agreements (id, recipient_id, product_ids, device_group_ids, fields, purpose, legal_basis, valid_from,
                        valid_until, rate_limit_per_minute, time_resolution, commands, state, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)

-- name: update
UPDATE agreements
SET recipient_id = ?, product_ids = ?, device_group_ids = ?, fields = ?, purpose = ?, legal_basis = ?, valid_from = ?,
    valid_until = ?, rate_limit_per_minute = ?, time_resolution = ?, commands = ?, state = ?, created_at = ?,
    updated_at = ?
WHERE id = ?

-- name: find
SELECT id, recipient_id, product_ids, device_group_ids, fields, purpose, legal_basis, valid_from, valid_until,
       rate_limit_per_minute, time_resolution, commands, state, created_at, updated_at
FROM agreements WHERE id = ?

-- name: list
SELECT id, recipient_id, product_ids, device_group_ids, fields, purpose, legal_basis, valid_from, valid_until,
       rate_limit_per_minute, time_resolution, commands, state, created_at, updated_at
FROM agreements ORDER BY created_at, id

-- name: listByRecipient
SELECT id, recipient_id, product_ids, device_group_ids, fields, purpose, legal_basis, valid_from, valid_until,
       rate_limit_per_minute, time_resolution, commands, state, created_at, updated_at
FROM agreements WHERE recipient_id = ? ORDER BY created_at, id

-- name: exists
SELECT 1 FROM agreements WHERE id = ?
