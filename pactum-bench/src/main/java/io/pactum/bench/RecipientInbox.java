package io.pactum.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the recipients receive, noted in the current {@link FanOutRound}: the receipt time is taken
 * first, then the payload is parsed (Jackson, as a partner would) for the message's {@code seq} and,
 * from the hub, the delivery's {@code eventId}. The same parsing cost on both sides of a comparison.
 */
final class RecipientInbox implements Subscribers.Receiver {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a system's payload names its message: the delivery's id (for de-duplication) and the seq. */
    @FunctionalInterface
    interface Format {
        /** Reads {@code [eventId, seq]}. */
        long[] read(JsonNode payload);
    }

    /** A Pactum partner delivery: {@code {"eventId": n, ..., "record": {"fields": [..., {"name": "seq", "value": s}]}}}. */
    static final Format PARTNER_EVENT = payload -> {
        for (JsonNode field : payload.path("record").path("fields")) {
            if ("seq".equals(field.path("name").asText())) {
                return new long[] {payload.path("eventId").asLong(), field.path("value").asLong()};
            }
        }
        throw new IllegalArgumentException("no seq field in the delivery");
    };

    /** The device's own payload, as a broker forwards it; it has no event id, so its seq serves. */
    static final Format DEVICE_PAYLOAD = payload -> {
        long seq = payload.path("seq").asLong();
        return new long[] {seq, seq};
    };

    private final Format format;
    private volatile FanOutRound round = new FanOutRound(1, 0, 0);
    final AtomicLong unreadable = new AtomicLong();

    RecipientInbox(Format format) {
        this.format = format;
    }

    void use(FanOutRound next) {
        round = next;
    }

    @Override
    public void received(int subscriber, MqttPublishMessage message) {
        long now = System.nanoTime();
        long[] ids;
        try {
            ids = format.read(JSON.readTree(message.payload().getBytes()));
        } catch (IOException | RuntimeException e) {
            unreadable.incrementAndGet();
            return;
        }
        round.received(subscriber, ids[0], ids[1], now);
    }
}
