-- Statements of JdbcApiClientStore. Each starts with a "-- name:" line; see SqlStatements.

-- name: insert
INSERT INTO api_clients (id, organisation_id, name, kind, scopes, token_hash, created_at, expires_at, revoked_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)

-- name: find
SELECT id, organisation_id, name, kind, scopes, token_hash, created_at, expires_at, revoked_at
FROM api_clients WHERE id = ?

-- name: listByOrganisation
SELECT id, organisation_id, name, kind, scopes, token_hash, created_at, expires_at, revoked_at
FROM api_clients WHERE organisation_id = ? ORDER BY created_at, id

-- name: revoke
-- the first revocation time stands: revoking again changes nothing
UPDATE api_clients SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL

-- name: exists
SELECT 1 FROM api_clients WHERE id = ?
