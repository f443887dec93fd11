package io.pactum.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The certificate the MQTT TLS listener presents: the files, and the SHA-256 fingerprint of the
 * leaf certificate that a client can pin.
 *
 * @param certificate       PEM certificate chain, leaf first
 * @param privateKey        PEM private key
 * @param sha256Fingerprint of the DER leaf certificate, upper-case hex pairs separated by colons,
 *                          as {@code openssl x509 -fingerprint -sha256} prints it
 * @param generated         whether the hub generated it (self-signed, for trying the hub out)
 */
public record TlsCertificate(Path certificate, Path privateKey, String sha256Fingerprint, boolean generated) {
    public TlsCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint");
    }

    /** A configured pair; the certificate file is read for its fingerprint. */
    static TlsCertificate configured(Path certificate, Path privateKey) {
        return new TlsCertificate(certificate, privateKey, fingerprint(readLeaf(certificate)), false);
    }

    /** The first certificate of a PEM file. */
    static X509Certificate readLeaf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (chain.isEmpty()) {
                throw new IllegalStateException("the TLS certificate file " + file + " holds no certificate");
            }
            return (X509Certificate) chain.iterator().next();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the TLS certificate file " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the TLS certificate file " + file
                    + " is not a PEM certificate chain: " + e.getMessage(), e);
        }
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot fingerprint the TLS certificate", e);
        }
    }
}
