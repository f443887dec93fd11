package io.pactum.core.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Per-subject state with a hard cap: 16 stripes, each a least-recently-used map under its own
 * lock, so threads rarely contend and each operation is O(1). When a stripe is full, its least
 * recently seen subject is evicted (an approximation of a global LRU, good to a few percent).
 * Eviction forgets that subject's windows, baseline and alarm state: it starts from zero if it
 * comes back, and an alarm it held is not cleared by the engine (the incident already exists).
 */
final class BoundedSubjectMap<V> {
    private static final int STRIPES = 16;

    private final List<Stripe<V>> stripes;
    private final int capacity;

    BoundedSubjectMap(int capacity, Consumer<V> onEvict) {
        if (capacity < STRIPES) {
            throw new IllegalArgumentException("capacity must be at least " + STRIPES);
        }
        this.capacity = capacity;
        int perStripe = capacity / STRIPES;
        List<Stripe<V>> all = new ArrayList<>(STRIPES);
        for (int i = 0; i < STRIPES; i++) {
            all.add(new Stripe<>(perStripe, onEvict));
        }
        this.stripes = List.copyOf(all);
    }

    V get(String key, Function<String, V> create) {
        Stripe<V> stripe = stripes.get(spread(key.hashCode()) % STRIPES);
        synchronized (stripe) {
            return stripe.computeIfAbsent(key, create);
        }
    }

    /** Removes the entries whose keys match, e.g. all state of one subject; visits every entry. */
    List<V> removeKeys(java.util.function.Predicate<String> matching) {
        List<V> removed = new ArrayList<>();
        for (Stripe<V> stripe : stripes) {
            synchronized (stripe) {
                stripe.entrySet().removeIf(entry -> {
                    boolean match = matching.test(entry.getKey());
                    if (match) {
                        removed.add(entry.getValue());
                    }
                    return match;
                });
            }
        }
        return removed;
    }

    /** Mixes the hash's high bits in, so that keys differing only there do not share a stripe. */
    private static int spread(int hash) {
        return (hash ^ (hash >>> 16)) & 0x7fffffff;
    }

    int size() {
        int size = 0;
        for (Stripe<V> stripe : stripes) {
            synchronized (stripe) {
                size += stripe.size();
            }
        }
        return size;
    }

    int capacity() {
        return capacity;
    }

    private static final class Stripe<V> extends LinkedHashMap<String, V> {
        private static final long serialVersionUID = 1L;
        private final int limit;
        private final transient Consumer<V> onEvict;

        Stripe(int limit, Consumer<V> onEvict) {
            super(16, 0.75f, true);
            this.limit = limit;
            this.onEvict = onEvict;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
            if (size() > limit) {
                onEvict.accept(eldest.getValue());
                return true;
            }
            return false;
        }
    }
}
