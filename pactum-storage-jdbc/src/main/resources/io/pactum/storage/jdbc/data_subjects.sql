-- Statements of JdbcDataSubjectStore. Each starts with a "-- name:" line; see SqlStatements.

-- name: insert
INSERT INTO data_subjects (id, created_at) VALUES (?, ?)

-- name: find
SELECT id, created_at FROM data_subjects WHERE id = ?

-- name: list
SELECT id, created_at FROM data_subjects ORDER BY created_at, id

-- name: exists
SELECT 1 FROM data_subjects WHERE id = ?
