-- Statements of JdbcLedgerStore. Each starts with a "-- name:" line; see SqlStatements.
-- The ledger is append-only: nothing here updates or deletes.

-- name: lock
-- held until commit by every append; see V6__ledger.sql
SELECT id FROM ledger_lock WHERE id = 1 FOR UPDATE

-- name: size
SELECT COALESCE(MAX(entry_index) + 1, 0) AS size FROM ledger_entries

-- name: insertEntry
INSERT INTO ledger_entries (entry_index, encoded, leaf_hash) VALUES (?, ?, ?)

-- name: insertSubtree
INSERT INTO ledger_subtrees (level, start_index, hash) VALUES (?, ?, ?)

-- name: read
SELECT entry_index, encoded, leaf_hash
FROM ledger_entries
WHERE entry_index >= ?
ORDER BY entry_index
LIMIT ?

-- name: findSubtree
SELECT hash FROM ledger_subtrees WHERE level = ? AND start_index = ?

-- name: subtreeRow
-- consecutive kept subtrees of one level, from a start to a last start, in order
SELECT hash FROM ledger_subtrees WHERE level = ? AND start_index >= ? AND start_index <= ? ORDER BY start_index

-- name: insertCheckpoint
-- seq is an identity column: the database assigns it
INSERT INTO ledger_checkpoints (tree_size, created_at, note) VALUES (?, ?, ?)

-- name: listCheckpoints
SELECT tree_size, created_at, note FROM ledger_checkpoints ORDER BY seq

-- name: latestCheckpoint
SELECT tree_size, created_at, note FROM ledger_checkpoints ORDER BY seq DESC LIMIT 1

-- name: checkpointPage
SELECT tree_size, created_at, note FROM ledger_checkpoints ORDER BY seq LIMIT ? OFFSET ?

-- name: checkpointOfSize
-- served by idx_ledger_checkpoints_size (V8)
SELECT tree_size, created_at, note FROM ledger_checkpoints WHERE tree_size = ? ORDER BY seq DESC LIMIT 1
