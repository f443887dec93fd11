-- Statements of JdbcIncidentStore. Each starts with a "-- name:" line; see SqlStatements.

-- name: insert
INSERT INTO incidents (id, detector, subject, title, severity, status, detected_at, last_signal_at, contained_at,
    resolved_at, device_ids, organisation_ids, data_subject_ids, signals, signal_count, assignee, version)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)

-- name: find
SELECT id, detector, subject, title, severity, status, detected_at, last_signal_at, contained_at, resolved_at,
    device_ids, organisation_ids, data_subject_ids, signals, signal_count, assignee, version
FROM incidents WHERE id = ?

-- name: list
-- each filter is skipped when its parameter is NULL; the casts let PostgreSQL type the parameters
SELECT id, detector, subject, title, severity, status, detected_at, last_signal_at, contained_at, resolved_at,
    device_ids, organisation_ids, data_subject_ids, signals, signal_count, assignee, version
FROM incidents
WHERE (CAST(? AS VARCHAR(16)) IS NULL OR status = CAST(? AS VARCHAR(16)))
  AND (CAST(? AS VARCHAR(16)) IS NULL OR severity = CAST(? AS VARCHAR(16)))
  AND (CAST(? AS TIMESTAMP(6) WITH TIME ZONE) IS NULL OR detected_at >= CAST(? AS TIMESTAMP(6) WITH TIME ZONE))
ORDER BY detected_at DESC, id DESC
LIMIT ? OFFSET ?

-- name: findActive
SELECT id, detector, subject, title, severity, status, detected_at, last_signal_at, contained_at, resolved_at,
    device_ids, organisation_ids, data_subject_ids, signals, signal_count, assignee, version
FROM incidents WHERE detector = ? AND subject = ? AND status <> 'RESOLVED'
ORDER BY last_signal_at DESC, id

-- name: update
-- only if nobody changed it since it was read; detector, subject and detectedAt never change
UPDATE incidents SET title = ?, severity = ?, status = ?, last_signal_at = ?, contained_at = ?, resolved_at = ?,
    device_ids = ?, organisation_ids = ?, data_subject_ids = ?, signals = ?, signal_count = ?, assignee = ?,
    version = ?
WHERE id = ? AND version = ?

-- name: lock
-- serialises appends to one incident's timeline
SELECT version FROM incidents WHERE id = ? FOR UPDATE

-- name: exists
SELECT id FROM incidents WHERE id = ?

-- name: lastSeq
SELECT COALESCE(MAX(seq), 0) FROM incident_timeline WHERE incident_id = ?

-- name: insertEntry
INSERT INTO incident_timeline (incident_id, seq, entry_at, actor, kind, action, target, detail)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)

-- name: timeline
SELECT incident_id, seq, entry_at, actor, kind, action, target, detail
FROM incident_timeline WHERE incident_id = ? ORDER BY seq
