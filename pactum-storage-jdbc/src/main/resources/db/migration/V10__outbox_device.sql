-- The device a waiting delivery's record came from, so that a device quarantined after an
-- incident has nothing more delivered, also of what was already waiting (issue #6).
-- Null for deliveries stored before this column existed.
ALTER TABLE outbox ADD COLUMN device_id VARCHAR(64);
