package io.pactum.mqtt;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.HexFormat;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.jspecify.annotations.Nullable;

/** The client certificate a TLS handshake verified, as the fingerprint devices are registered with. */
final class ClientCertificates {
    private ClientCertificates() {}

    /** SHA-256 of the DER-encoded leaf certificate, lower-case hex; empty when the client sent none. */
    static Optional<String> fingerprint(@Nullable SSLSession session) {
        if (session == null) {
            return Optional.empty();
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length == 0) {
                return Optional.empty();
            }
            return Optional.of(sha256Hex(chain[0].getEncoded()));
        } catch (SSLPeerUnverifiedException noClientCertificate) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode the client certificate", e);
        }
    }

    static String sha256Hex(byte[] der) throws GeneralSecurityException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    }
}
