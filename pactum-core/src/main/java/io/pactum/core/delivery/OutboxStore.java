package io.pactum.core.delivery;

import java.time.Instant;
import java.util.List;

/**
 * Reading the recipients' outboxes and keeping each channel's position in them. Entries are written
 * with the records they release ({@code RecordStore.Append#deliveries}), in the same transaction.
 * Event ids grow in commit order: once an entry with id n is visible, no entry with a smaller id
 * becomes visible later, so reading "after my cursor" never skips an entry.
 */
public interface OutboxStore {
    /** The recipient's entries with an event id above {@code afterEventId}, oldest first, at most {@code limit}. */
    List<Delivery> readAfter(String recipientId, long afterEventId, int limit);

    /** The highest event id in the recipient's outbox, or 0 if it is empty. */
    long latestEventId(String recipientId);

    /**
     * The last event id a server-side channel confirmed, e.g. {@code mqtt:<client id>} or
     * {@code webhook:<id>}; 0 if it never confirmed one.
     */
    long cursor(String recipientId, String channel);

    /** Moves a channel's cursor forward; a value below the stored one is ignored. */
    void saveCursor(String recipientId, String channel, long eventId);

    /** Forgets a channel's cursor, e.g. when an MQTT client starts a clean session. */
    void deleteCursor(String recipientId, String channel);

    /** Deletes entries created before {@code cutoff}; returns how many. */
    int deleteCreatedBefore(Instant cutoff);
}
