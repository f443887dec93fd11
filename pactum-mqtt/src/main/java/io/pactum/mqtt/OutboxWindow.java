package io.pactum.mqtt;

import java.util.TreeMap;

/**
 * The outbox entries a partner session read and has not yet confirmed, ordered by event id. An
 * entry is done once the client acknowledged it (QoS 1) or it was written (QoS 0); entries the
 * outbox withheld leave a marker that counts as done. The confirmed position is the highest event
 * id before which nothing is unconfirmed, so out-of-order PUBACKs never move it past a gap. Only
 * bookkeeping, no I/O; event loop only.
 */
final class OutboxWindow {
    /** Records published and not yet done, at most. */
    private final int size;
    /** Entries read and not yet confirmed, by event id; see the class comment. */
    private final TreeMap<Long, Slot> unconfirmed = new TreeMap<>();
    /** Records published and neither acknowledged nor written (QoS 0) yet. */
    private int inFlight;
    private long confirmed;

    /** One entry read from the outbox: published with a packet id (0 at QoS 0), or a withheld marker. */
    static final class Slot {
        final int packetId;
        boolean done;

        Slot(int packetId, boolean done) {
            this.packetId = packetId;
            this.done = done;
        }
    }

    OutboxWindow(int size) {
        this.size = size;
    }

    /** Confirmation starts where reading starts. */
    void startAt(long position) {
        confirmed = position;
    }

    /** How many more records may be published now. */
    int room() {
        return size - inFlight;
    }

    /** An entry with nothing to send, passed all the same: withheld by the outbox, or too large for the client. */
    void pass(long eventId) {
        unconfirmed.put(eventId, new Slot(0, true));
    }

    /** A record published with {@code packetId} (0 at QoS 0): in flight until {@link #complete}. */
    Slot sent(long eventId, int packetId) {
        Slot slot = new Slot(packetId, false);
        unconfirmed.put(eventId, slot);
        inFlight++;
        return slot;
    }

    /** Marks the record done; false if it already was. */
    boolean complete(Slot slot) {
        if (slot.done) {
            return false;
        }
        slot.done = true;
        inFlight--;
        return true;
    }

    /** The client acknowledged the record; nothing if it is no longer unconfirmed. */
    void acknowledged(long eventId) {
        Slot slot = unconfirmed.get(eventId);
        if (slot != null) {
            complete(slot);
        }
    }

    /** Moves the confirmed position over every leading entry that is done. */
    void advance() {
        while (!unconfirmed.isEmpty() && unconfirmed.firstEntry().getValue().done) {
            confirmed = unconfirmed.pollFirstEntry().getKey();
        }
    }

    long confirmed() {
        return confirmed;
    }
}
