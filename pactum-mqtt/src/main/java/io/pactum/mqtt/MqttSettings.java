package io.pactum.mqtt;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where the MQTT adapter listens and what it allows. It has up to two listeners on {@code host},
 * which serve the same devices alike: plain TCP on {@code port} and TLS on {@code tls.port()}.
 * At least one of them must be on.
 *
 * @param host                interface to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port                TCP port of the plain listener; 0 picks a free one (see
 *                            {@link MqttAdapter#actualPort()}); {@link #DISABLED} (-1) for none
 * @param maxMessageBytes     largest MQTT packet accepted, counted as MQTT 5's Maximum Packet Size
 *                            (the whole packet); announced to MQTT 5 clients
 * @param maxKeepAliveSeconds longest keep-alive a device may use; MQTT 5 clients asking for more
 *                            (or for none) are told this value, MQTT 3.1.1 clients are refused
 * @param tls                 the TLS listener (and optionally mutual TLS); {@code null} for none
 */
public record MqttSettings(String host, int port, int maxMessageBytes, int maxKeepAliveSeconds,
        @Nullable TlsSettings tls) {

    /** The {@link #port} of a plain listener that is off. */
    public static final int DISABLED = -1;
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_KEEP_ALIVE_SECONDS = 300;
    /** Small enough to keep a flood of large messages from exhausting memory. */
    public static final int MAX_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    /** Fixed header (2 bytes) plus a short topic, packet id and payload: anything smaller is useless. */
    public static final int MIN_MAX_MESSAGE_BYTES = 64;
    /** MQTT carries keep-alive in two bytes. */
    public static final int MAX_KEEP_ALIVE_SECONDS = 65_535;

    public MqttSettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must name an interface to bind, e.g. 0.0.0.0 or 127.0.0.1");
        }
        if (port < DISABLED || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535 (0 picks a free port), or -1 for no plain"
                    + " listener, was " + port);
        }
        if (port == DISABLED && tls == null) {
            throw new IllegalArgumentException("with no plain listener (port -1) there must be a TLS listener");
        }
        if (maxMessageBytes < MIN_MAX_MESSAGE_BYTES || maxMessageBytes > MAX_MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("maxMessageBytes must be " + MIN_MAX_MESSAGE_BYTES + "-"
                    + MAX_MAX_MESSAGE_BYTES + ", was " + maxMessageBytes);
        }
        if (maxKeepAliveSeconds < 1 || maxKeepAliveSeconds > MAX_KEEP_ALIVE_SECONDS) {
            throw new IllegalArgumentException("maxKeepAliveSeconds must be 1-" + MAX_KEEP_ALIVE_SECONDS
                    + ", was " + maxKeepAliveSeconds);
        }
    }

    /** Whether the plain TCP listener is on. */
    public boolean plain() {
        return port != DISABLED;
    }

    /** Plain TCP only, with the default limits. */
    public static MqttSettings defaults(String host, int port) {
        return new MqttSettings(host, port, DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_KEEP_ALIVE_SECONDS, null);
    }

    /** The same limits with {@code tls} as the TLS listener. */
    public MqttSettings withTls(@Nullable TlsSettings newTls) {
        return new MqttSettings(host, port, maxMessageBytes, maxKeepAliveSeconds, newTls);
    }
}
