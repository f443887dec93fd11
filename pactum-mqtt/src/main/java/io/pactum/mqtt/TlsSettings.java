package io.pactum.mqtt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The MQTT adapter's TLS listener: its port and its PEM files. It listens beside the plain one
 * (see {@link MqttSettings#port()}); the port lives here, with the certificate, so that a TLS port
 * without a certificate cannot be configured.
 *
 * @param port        TCP port of the TLS listener; 0 picks a free one (see {@link MqttAdapter#actualTlsPort()})
 * @param certificate the server certificate chain (PEM)
 * @param privateKey  its private key (PEM, PKCS#8 or PKCS#1)
 * @param clientCa    CA certificates (PEM) that client certificates must chain to; when set, a
 *                    device may authenticate with a registered client certificate instead of a
 *                    secret (mutual TLS), and a client certificate that does not chain to them fails
 *                    the handshake; when {@code null}, client certificates are not requested
 */
public record TlsSettings(int port, Path certificate, Path privateKey, @Nullable Path clientCa) {
    public TlsSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("TLS port must be 0-65535 (0 picks a free port), was " + port);
        }
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        requireReadable("certificate", certificate);
        requireReadable("privateKey", privateKey);
        if (clientCa != null) {
            requireReadable("clientCa", clientCa);
        }
    }

    private static void requireReadable(String name, Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(name + " must name a readable PEM file, was " + file);
        }
    }

    /** Whether devices may present client certificates (mutual TLS). */
    public boolean mutual() {
        return clientCa != null;
    }
}
