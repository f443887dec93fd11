package io.pactum.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What one partner channel received, duplicates included, in arrival order; thread-safe. */
final class ReceivedEvents {
    private final List<JsonNode> events = new ArrayList<>();

    synchronized void add(JsonNode event) {
        events.add(event);
    }

    synchronized List<JsonNode> all() {
        return List.copyOf(events);
    }

    /** The distinct event ids received: at-least-once delivery may repeat an event, never lose one. */
    Set<Long> eventIds() {
        return eventIds(all());
    }

    int distinctCount() {
        return eventIds().size();
    }

    static Set<Long> eventIds(List<JsonNode> events) {
        return events.stream().map(e -> e.get("eventId").asLong()).collect(Collectors.toCollection(TreeSet::new));
    }
}
