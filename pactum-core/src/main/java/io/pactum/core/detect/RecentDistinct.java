package io.pactum.core.detect;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Distinct values seen in a sliding window, with the second each was last seen, oldest first.
 * Holds at most {@link #CAPACITY} values: beyond that the count saturates, which is enough for
 * thresholds below it and keeps an attacker from growing one subject's state. O(1) amortised;
 * not thread-safe (the caller holds the subject's lock).
 */
final class RecentDistinct {
    static final int CAPACITY = 32;

    private final long windowSeconds;
    private final LinkedHashMap<String, Long> lastSeen = new LinkedHashMap<>();

    RecentDistinct(long windowSeconds) {
        this.windowSeconds = windowSeconds;
    }

    /** Records {@code value} at {@code epochSecond} and returns the distinct count in the window. */
    int add(long epochSecond, String value) {
        Long previous = lastSeen.remove(value); // re-inserted at the end: the map stays in last-seen order
        lastSeen.put(value, previous == null ? epochSecond : Math.max(previous, epochSecond));
        if (lastSeen.size() > CAPACITY) {
            Iterator<String> eldest = lastSeen.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        return valueAt(epochSecond);
    }

    int valueAt(long epochSecond) {
        long oldest = epochSecond - windowSeconds + 1;
        Iterator<Map.Entry<String, Long>> entries = lastSeen.entrySet().iterator();
        while (entries.hasNext() && entries.next().getValue() < oldest) {
            entries.remove();
        }
        return lastSeen.size();
    }
}
