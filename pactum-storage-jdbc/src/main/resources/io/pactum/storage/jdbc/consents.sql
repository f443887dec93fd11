-- Statements of JdbcConsentStore. Each starts with a "-- name:" line; see SqlStatements.
-- Receipts are only ever appended; seq, an identity column, is the order they were appended in.

-- name: append
INSERT INTO consent_receipts (receipt_id, receipt_version, effective_at, subject_id, controller_id, recipient_id,
                              purpose, legal_basis, action, method, collected_by)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)

-- name: list
SELECT receipt_id, receipt_version, effective_at, subject_id, controller_id, recipient_id, purpose, legal_basis,
       action, method, collected_by
FROM consent_receipts ORDER BY seq

-- name: listBySubject
SELECT receipt_id, receipt_version, effective_at, subject_id, controller_id, recipient_id, purpose, legal_basis,
       action, method, collected_by
FROM consent_receipts WHERE subject_id = ? ORDER BY seq
