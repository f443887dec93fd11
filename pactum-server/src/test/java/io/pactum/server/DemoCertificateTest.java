package io.pactum.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCertificateTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void firstCall_generatesASelfSignedPairForLocalhost_withTheKeyReadableByTheOwnerOnly() throws Exception {
        Path tls = dir.resolve("tls");
        TlsCertificate generated = DemoCertificate.ensure(tls, CLOCK);

        assertThat(generated.generated()).isTrue();
        X509Certificate certificate = TlsCertificate.readLeaf(generated.certificate());
        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getSubjectX500Principal()).isEqualTo(certificate.getIssuerX500Principal());
        List<String> names = certificate.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList();
        assertThat(names).contains("localhost", "127.0.0.1");
        assertThat(certificate.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(certificate.getNotAfter().toInstant()).isAfter(CLOCK.instant().plus(Duration.ofDays(365)));
        assertThat(generated.sha256Fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}")
                .isEqualTo(TlsCertificate.fingerprint(certificate));
        if (Files.getFileAttributeView(generated.privateKey(), PosixFileAttributeView.class) != null) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(generated.privateKey())))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls))).isEqualTo("rwx------");
        }
        // The key file holds the private key of the certificate (PKCS#8 PEM).
        String pem = Files.readString(generated.privateKey());
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der)));
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void laterCalls_reuseThePairAndNeverOverwriteIt() throws Exception {
        Path tls = dir.resolve("tls");
        TlsCertificate first = DemoCertificate.ensure(tls, CLOCK);
        byte[] certificate = Files.readAllBytes(first.certificate());
        byte[] key = Files.readAllBytes(first.privateKey());

        TlsCertificate second = DemoCertificate.ensure(tls, CLOCK);

        assertThat(second.sha256Fingerprint()).isEqualTo(first.sha256Fingerprint());
        assertThat(Files.readAllBytes(second.certificate())).isEqualTo(certificate);
        assertThat(Files.readAllBytes(second.privateKey())).isEqualTo(key);
        try (var files = Files.list(tls)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrderElementsOf(List.of(DemoCertificate.CERTIFICATE_FILE,
                            DemoCertificate.KEY_FILE));
        }
    }

    @Test
    void halfAPair_isNotRegeneratedButReportedWithWhatToDo() throws Exception {
        Path tls = dir.resolve("tls");
        TlsCertificate first = DemoCertificate.ensure(tls, CLOCK);
        Files.delete(first.privateKey());
        byte[] certificate = Files.readAllBytes(first.certificate());

        assertThatThrownBy(() -> DemoCertificate.ensure(tls, CLOCK))
                .hasMessageContaining("incomplete")
                .hasMessageContaining(DemoCertificate.KEY_FILE)
                .hasMessageContaining("delete " + tls);
        assertThat(Files.readAllBytes(first.certificate())).isEqualTo(certificate);
        assertThat(first.privateKey()).doesNotExist();
    }

    @Test
    void eachHub_getsItsOwnCertificate() {
        String one = DemoCertificate.ensure(dir.resolve("a"), CLOCK).sha256Fingerprint();
        String other = DemoCertificate.ensure(dir.resolve("b"), CLOCK).sha256Fingerprint();
        assertThat(one).isNotEqualTo(other);
    }
}
