package io.pactum.server.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** The MQTT adapter's part of the configuration; TLS is on when a certificate is set. */
public record MqttConfig(String host, int port, int maxMessageBytes, int maxKeepAliveSeconds,
        Optional<Path> tlsCertificate, Optional<Path> tlsKey, Optional<Path> tlsClientCa) {

    public MqttConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tlsCertificate, "tlsCertificate");
        Objects.requireNonNull(tlsKey, "tlsKey");
        Objects.requireNonNull(tlsClientCa, "tlsClientCa");
    }
}
