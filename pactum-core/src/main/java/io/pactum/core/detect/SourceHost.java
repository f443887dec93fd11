package io.pactum.core.detect;

import org.jspecify.annotations.Nullable;

/**
 * The host part of a signal's source ("mqtt 203.0.113.7:48396" → "203.0.113.7", "coap
 * [2001:db8::1]:5684" → "2001:db8::1"). Attacks are counted per host, not per connection: each
 * attempt comes from a new port, and one host may try over MQTT and HTTP alike.
 */
public final class SourceHost {
    private SourceHost() {}

    public static @Nullable String of(@Nullable String source) {
        if (source == null || source.isBlank()) {
            return null;
        }
        String address = source.substring(source.lastIndexOf(' ') + 1);
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            return end > 1 ? address.substring(1, end) : address;
        }
        int colon = address.indexOf(':');
        if (colon > 0 && colon == address.lastIndexOf(':')) {
            return address.substring(0, colon); // host:port; a bare IPv6 address has several colons
        }
        return address;
    }
}
