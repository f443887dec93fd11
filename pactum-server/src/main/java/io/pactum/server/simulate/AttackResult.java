package io.pactum.server.simulate;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What an attack did. {@code startedAt} is when its hostile part began (after any preparation, such
 * as a warm-up of normal values), the instant time-to-containment is measured from.
 *
 * <p>{@code accepted} and {@code refused} count what the hub said: a CONNACK accepted or refused, a
 * SUBACK granted or failed, an HTTP answer 2xx or 4xx. For MQTT 3.1.1 publishes the hub can only
 * acknowledge (it cannot say "rejected", see docs/mqtt.md), so there {@code accepted} counts
 * PUBACKs and {@code refused} publishes never acknowledged because the hub closed the connection.
 */
public record AttackResult(String attack, Instant startedAt, Instant endedAt, long sent, long accepted,
        long refused) {
    public AttackResult {
        Objects.requireNonNull(attack, "attack");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
    }

    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }

    @Override
    public String toString() {
        return String.format("%s: %d sent, %d accepted, %d refused in %.2f s", attack, sent, accepted, refused,
                duration().toMillis() / 1000.0);
    }
}
