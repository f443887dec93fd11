-- Statements of JdbcSubjectKeyStore. Each starts with a "-- name:" line; see SqlStatements.

-- name: insert
-- fails with a unique violation if the subject has a key already (or, never in practice, the id is taken)
INSERT INTO subject_keys (key_id, subject_id, wrapped_key, created_at) VALUES (?, ?, ?, ?)

-- name: findBySubject
SELECT key_id, subject_id, wrapped_key, created_at FROM subject_keys WHERE subject_id = ?

-- name: findByKeyId
SELECT key_id, subject_id, wrapped_key, created_at FROM subject_keys WHERE key_id = ?

-- name: erase
DELETE FROM subject_keys WHERE subject_id = ?
