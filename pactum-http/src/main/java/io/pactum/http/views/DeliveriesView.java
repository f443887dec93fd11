package io.pactum.http.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactum.core.delivery.Delivery;
import io.pactum.core.delivery.Outbox;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A page of the caller's deliveries, each the JSON object a recipient receives on every channel,
 * and the position to ask from next: {@code lastEventId} moves past entries withheld since they
 * were released, so it can be ahead of the last delivery's {@code eventId}.
 */
public record DeliveriesView(List<JsonNode> deliveries, long lastEventId) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static DeliveriesView of(Outbox.Batch batch) {
        return new DeliveriesView(batch.deliveries().stream().map(DeliveriesView::parse).toList(), batch.lastEventId());
    }

    private static JsonNode parse(Delivery delivery) {
        try {
            return JSON.readTree(delivery.json());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("stored delivery " + delivery.eventId() + " is not JSON", e);
        }
    }
}
