package io.pactum.mqtt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * TLS for the MQTT adapter, from PEM files.
 *
 * @param certificate the server certificate chain (PEM)
 * @param privateKey  its private key (PEM, PKCS#8 or PKCS#1)
 * @param clientCa    CA certificates (PEM) that client certificates must chain to; when set, a
 *                    device may authenticate with a registered client certificate instead of a
 *                    secret (mutual TLS); when {@code null}, client certificates are not requested
 */
public record TlsSettings(Path certificate, Path privateKey, @Nullable Path clientCa) {
    public TlsSettings {
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

    public boolean mutual() {
        return clientCa != null;
    }
}
