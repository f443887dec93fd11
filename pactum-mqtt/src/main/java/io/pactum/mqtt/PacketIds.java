package io.pactum.mqtt;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The packet ids of a partner connection's QoS 1 publishes, records and command results alike, so
 * that no id is used twice at once: those awaiting PUBACK, and those the previous connection of a
 * persistent session sent records with and left unacknowledged (kept for re-sending them with DUP).
 * Event loop only.
 */
final class PacketIds {
    /** QoS 1 records awaiting PUBACK: packet id to event id. */
    private final Map<Integer, Long> records = new HashMap<>();
    /** QoS 1 command results awaiting PUBACK (not re-sent; the packet id is only kept from reuse). */
    private final Set<Integer> results = new HashSet<>();
    /** What the previous connection sent without acknowledgement: event id to packet id. */
    private final Map<Long, Integer> resend = new HashMap<>();
    private int last;

    /** Takes over what the previous connection left unacknowledged (event id to packet id) after {@code position}. */
    void resend(Map<Long, Integer> unacknowledged, long position) {
        resend.putAll(unacknowledged);
        passed(position);
    }

    /** Reading went past {@code position}: what the previous connection sent up to it is not sent again. */
    void passed(long position) {
        resend.keySet().removeIf(eventId -> eventId <= position);
    }

    /**
     * The packet id the previous connection sent this record with, to send it again with DUP; 0 if
     * there is none, or if that id is in use again meanwhile.
     */
    int resentId(long eventId) {
        Integer earlier = resend.remove(eventId);
        return earlier != null && !awaitingAck(earlier) ? earlier : 0;
    }

    int next() {
        for (int tries = 0; tries < 65_535; tries++) {
            last = last % 65_535 + 1;
            int id = last;
            if (!awaitingAck(id) && !resend.containsValue(id)) {
                return id;
            }
        }
        throw new IllegalStateException("no free packet id"); // cannot happen: at most a few hundred in use
    }

    void recordSent(int packetId, long eventId) {
        records.put(packetId, eventId);
    }

    int nextForResult() {
        int packetId = next();
        results.add(packetId);
        return packetId;
    }

    /** The event id of the record this PUBACK is for, or null if it is for none. */
    @Nullable Long recordAcknowledged(int packetId) {
        return records.remove(packetId);
    }

    /** Whether this PUBACK is for a command result. */
    boolean resultAcknowledged(int packetId) {
        return results.remove(packetId);
    }

    /** The records sent and not acknowledged, this connection's and the previous one's: event id to packet id. */
    Map<Long, Integer> unacknowledged() {
        Map<Long, Integer> unacknowledged = new HashMap<>(resend);
        records.forEach((packetId, eventId) -> unacknowledged.put(eventId, packetId));
        return unacknowledged;
    }

    private boolean awaitingAck(int packetId) {
        return records.containsKey(packetId) || results.contains(packetId);
    }
}
