package io.pactum.server.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The MQTT adapter's part of the configuration: a plain listener on {@code port} and a TLS listener
 * on {@code tlsPort}, each off at {@link #OFF}. The TLS listener uses the configured certificate,
 * or, when none is set, the one the hub generates in its data directory.
 */
public record MqttConfig(String host, int port, int tlsPort, int maxMessageBytes, int maxKeepAliveSeconds,
        Optional<Path> tlsCertificate, Optional<Path> tlsKey, Optional<Path> tlsClientCa) {

    /** The port value that turns a listener off. */
    public static final int OFF = -1;

    public MqttConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tlsCertificate, "tlsCertificate");
        Objects.requireNonNull(tlsKey, "tlsKey");
        Objects.requireNonNull(tlsClientCa, "tlsClientCa");
        if (tlsCertificate.isPresent() != tlsKey.isPresent()) {
            throw new IllegalArgumentException("the TLS certificate and key are set together");
        }
    }

    public boolean plainEnabled() {
        return port != OFF;
    }

    public boolean tlsEnabled() {
        return tlsPort != OFF;
    }
}
