-- Statements of JdbcWebhookStore. Each starts with a "-- name:" line; see SqlStatements.

-- name: insert
INSERT INTO webhooks (id, recipient_id, url, sealed_secret, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?)

-- name: find
SELECT id, recipient_id, url, sealed_secret, enabled, created_at FROM webhooks WHERE id = ?

-- name: list
SELECT id, recipient_id, url, sealed_secret, enabled, created_at FROM webhooks ORDER BY created_at, id

-- name: listByRecipient
SELECT id, recipient_id, url, sealed_secret, enabled, created_at
FROM webhooks WHERE recipient_id = ? ORDER BY created_at, id

-- name: setEnabled
UPDATE webhooks SET enabled = ? WHERE id = ?

-- name: lock
-- serialises a deletion with dead letters being recorded for the same webhook
SELECT id, recipient_id, url, sealed_secret, enabled, created_at FROM webhooks WHERE id = ? FOR UPDATE

-- name: delete
DELETE FROM webhooks WHERE id = ?

-- name: deleteDeadLetters
DELETE FROM webhook_dead_letters WHERE webhook_id = ?

-- name: updateDeadLetter
UPDATE webhook_dead_letters SET attempts = ?, last_error = ?, dead_at = ?, replay_requested = ?
WHERE webhook_id = ? AND event_id = ?

-- name: insertDeadLetter
INSERT INTO webhook_dead_letters (attempts, last_error, dead_at, replay_requested, webhook_id, event_id)
VALUES (?, ?, ?, ?, ?, ?)

-- name: deadLetters
SELECT webhook_id, event_id, attempts, last_error, dead_at, replay_requested
FROM webhook_dead_letters WHERE webhook_id = ? ORDER BY event_id LIMIT ?

-- name: replayRequested
SELECT webhook_id, event_id, attempts, last_error, dead_at, replay_requested
FROM webhook_dead_letters WHERE webhook_id = ? AND replay_requested = TRUE ORDER BY event_id LIMIT ?

-- name: requestReplayAll
UPDATE webhook_dead_letters SET replay_requested = TRUE WHERE webhook_id = ?

-- name: requestReplay
UPDATE webhook_dead_letters SET replay_requested = TRUE WHERE webhook_id = ? AND event_id = ?

-- name: removeDeadLetter
DELETE FROM webhook_dead_letters WHERE webhook_id = ? AND event_id = ?
