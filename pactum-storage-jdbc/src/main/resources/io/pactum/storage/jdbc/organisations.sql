-- Statements of JdbcOrganisationStore. Each starts with a "-- name:" line; see SqlStatements.

-- name: insert
INSERT INTO organisations (id, name, role, created_at) VALUES (?, ?, ?, ?)

-- name: find
SELECT id, name, role, created_at FROM organisations WHERE id = ?

-- name: list
SELECT id, name, role, created_at FROM organisations ORDER BY created_at, id

-- name: exists
SELECT 1 FROM organisations WHERE id = ?
