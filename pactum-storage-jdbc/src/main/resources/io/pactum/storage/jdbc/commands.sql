-- Statements of JdbcCommandStore. Each starts with a "-- name:" line; see SqlStatements.

-- name: insert
INSERT INTO commands (id, device_id, name, parameters, issued_by, counter, issued_at, state, detail, response,
                      updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)

-- name: update
UPDATE commands SET state = ?, detail = ?, response = ?, updated_at = ? WHERE id = ?

-- name: find
SELECT id, device_id, name, parameters, issued_by, counter, issued_at, state, detail, response, updated_at
FROM commands WHERE id = ?

-- name: listByDevice
SELECT id, device_id, name, parameters, issued_by, counter, issued_at, state, detail, response, updated_at
FROM commands WHERE device_id = ? ORDER BY counter DESC LIMIT ?

-- name: lastCounter
SELECT COALESCE(MAX(counter), 0) AS last_counter FROM commands WHERE device_id = ?
