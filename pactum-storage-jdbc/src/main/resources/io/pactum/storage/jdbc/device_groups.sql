-- Statements of JdbcDeviceGroupStore. Each starts with a "-- name:" line; see SqlStatements.

-- name: insert
INSERT INTO device_groups (id, owner_id, name, created_at) VALUES (?, ?, ?, ?)

-- name: insertMember
INSERT INTO device_group_members (group_id, device_id) VALUES (?, ?)

-- name: deleteMembers
DELETE FROM device_group_members WHERE group_id = ?

-- name: lockGroup
-- serialises concurrent member replacements of one group
SELECT id FROM device_groups WHERE id = ? FOR UPDATE

-- name: find
SELECT id, owner_id, name, created_at FROM device_groups WHERE id = ?

-- name: findMembers
SELECT group_id, device_id FROM device_group_members WHERE group_id = ?

-- name: list
SELECT id, owner_id, name, created_at FROM device_groups ORDER BY created_at, id

-- name: listMembers
SELECT group_id, device_id FROM device_group_members

-- name: listByOwner
SELECT id, owner_id, name, created_at FROM device_groups WHERE owner_id = ? ORDER BY created_at, id

-- name: listMembersByOwner
SELECT m.group_id, m.device_id
FROM device_group_members m JOIN device_groups g ON g.id = m.group_id
WHERE g.owner_id = ?

-- name: exists
SELECT 1 FROM device_groups WHERE id = ?
