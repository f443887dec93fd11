-- Statements of JdbcRecordStore. Each starts with a "-- name:" line; see SqlStatements.

-- name: insert
INSERT INTO device_records (id, device_id, product_id, subject_id, channel, measured_at, received_at, fields,
                            adapter, integrity, counter, flagged)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)

-- name: find
SELECT id, device_id, product_id, subject_id, channel, measured_at, received_at, fields,
       adapter, integrity, counter, flagged
FROM device_records WHERE id = ?

-- name: listByDevice
SELECT id, device_id, product_id, subject_id, channel, measured_at, received_at, fields,
       adapter, integrity, counter, flagged
FROM device_records
WHERE device_id = ? AND measured_at >= ? AND measured_at < ?
ORDER BY measured_at, id
LIMIT ?

-- name: deleteReceivedBefore
DELETE FROM device_records WHERE product_id = ? AND received_at < ?

-- name: findWindow
SELECT highest, bitmap FROM replay_windows WHERE device_id = ?

-- name: updateWindow
UPDATE replay_windows SET highest = ?, bitmap = ? WHERE device_id = ?

-- name: insertWindow
INSERT INTO replay_windows (highest, bitmap, device_id) VALUES (?, ?, ?)
