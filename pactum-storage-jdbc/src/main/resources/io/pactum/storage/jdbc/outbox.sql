-- Statements of JdbcOutboxStore, and those JdbcRecordStore writes the outbox with. Each starts with
-- a "-- name:" line; see SqlStatements.

-- name: lock
-- held until commit by every transaction that inserts outbox rows; see JdbcRecordStore
SELECT id FROM outbox_lock WHERE id = 1 FOR UPDATE

-- name: insert
-- event_id is an identity column: the database assigns it
INSERT INTO outbox (recipient_id, agreement_id, purpose, record_id, subject_id, created_at, body, device_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)

-- name: readAfter
SELECT event_id, recipient_id, agreement_id, purpose, record_id, subject_id, created_at, body, device_id
FROM outbox
WHERE recipient_id = ? AND event_id > ?
ORDER BY event_id
LIMIT ?

-- name: latestEventId
SELECT COALESCE(MAX(event_id), 0) AS latest FROM outbox WHERE recipient_id = ?

-- name: deleteCreatedBefore
DELETE FROM outbox WHERE created_at < ?

-- name: findCursor
SELECT event_id FROM outbox_cursors WHERE recipient_id = ? AND channel = ?

-- name: advanceCursor
-- moves forward only: a lower or equal value matches no row
UPDATE outbox_cursors SET event_id = ? WHERE recipient_id = ? AND channel = ? AND event_id < ?

-- name: insertCursor
INSERT INTO outbox_cursors (event_id, recipient_id, channel) VALUES (?, ?, ?)

-- name: deleteCursor
DELETE FROM outbox_cursors WHERE recipient_id = ? AND channel = ?
