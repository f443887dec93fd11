-- Statements of JdbcProductStore. Each starts with a "-- name:" line; see SqlStatements.

-- name: insert
INSERT INTO products (id, supplier_id, model, firmware_version, data_model, payload_format,
                      translation, protection_required, implausible_values, retention_days,
                      approval_state, approval_note, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)

-- name: find
SELECT id, supplier_id, model, firmware_version, data_model, payload_format,
       translation, protection_required, implausible_values, retention_days,
       approval_state, approval_note, created_at, updated_at
FROM products WHERE id = ?

-- name: list
SELECT id, supplier_id, model, firmware_version, data_model, payload_format,
       translation, protection_required, implausible_values, retention_days,
       approval_state, approval_note, created_at, updated_at
FROM products ORDER BY created_at, id

-- name: listBySupplier
SELECT id, supplier_id, model, firmware_version, data_model, payload_format,
       translation, protection_required, implausible_values, retention_days,
       approval_state, approval_note, created_at, updated_at
FROM products WHERE supplier_id = ? ORDER BY created_at, id

-- name: update
UPDATE products
SET supplier_id = ?, model = ?, firmware_version = ?, data_model = ?, payload_format = ?,
    translation = ?, protection_required = ?, implausible_values = ?, retention_days = ?,
    approval_state = ?, approval_note = ?, created_at = ?, updated_at = ?
WHERE id = ?

-- name: exists
SELECT 1 FROM products WHERE id = ?
