package io.pactum.server;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-signed certificate a hub without a configured one presents on its MQTT TLS listener,
 * so that TLS can be tried out at once: generated on first start for {@code localhost},
 * {@code 127.0.0.1} and {@code ::1} into its own directory, key readable by the owner only, never
 * overwritten and reused on every later start. Clients trust it by pinning it (the certificate
 * file as their CA file, or its fingerprint). For devices on the network, configure a certificate
 * from a real CA instead.
 */
final class DemoCertificate {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCertificate.class);
    static final String CERTIFICATE_FILE = "mqtt-certificate.pem";
    static final String KEY_FILE = "mqtt-key.pem";
    /** Long, as nothing renews it; delete the directory for a new one. */
    static final Duration VALIDITY = Duration.ofDays(3650);
    private static final Duration EXPIRY_WARNING = Duration.ofDays(30);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoCertificate() {}

    /** The pair in {@code dir}: the one generated earlier, or a new one if there is none. */
    static TlsCertificate ensure(Path dir, Clock clock) {
        Path certificate = dir.resolve(CERTIFICATE_FILE);
        Path key = dir.resolve(KEY_FILE);
        boolean haveCertificate = Files.exists(certificate);
        boolean haveKey = Files.exists(key);
        if (haveCertificate && haveKey) {
            return reuse(certificate, key, clock);
        }
        if (haveCertificate || haveKey) {
            // Never overwrite half a pair: whoever pinned the certificate would be locked out silently.
            throw new IllegalStateException("the generated MQTT TLS pair in " + dir + " is incomplete ("
                    + (haveCertificate ? key : certificate) + " is missing); restore it, or delete " + dir
                    + " to have a new certificate generated (clients that pinned the old one must pin the new)");
        }
        return generate(dir, certificate, key, clock);
    }

    private static TlsCertificate reuse(Path certificate, Path key, Clock clock) {
        X509Certificate leaf = TlsCertificate.readLeaf(certificate);
        Instant notAfter = leaf.getNotAfter().toInstant();
        if (notAfter.isBefore(clock.instant().plus(EXPIRY_WARNING))) {
            LOG.warn("the generated MQTT TLS certificate {} expires {}; delete its directory to have a new one"
                    + " generated", certificate, notAfter);
        }
        warnIfShared(key);
        return new TlsCertificate(certificate, key, TlsCertificate.fingerprint(leaf), true);
    }

    private static TlsCertificate generate(Path dir, Path certificate, Path key, Clock clock) {
        try {
            KeyPair keys = keyPair();
            X509Certificate leaf = selfSigned(keys, clock.instant());
            createPrivateDirectory(dir);
            // Key first, certificate last: a certificate on disk means the pair is complete.
            writeNew(key, pem(new JcaPKCS8Generator(keys.getPrivate(), null)), true);
            writeNew(certificate, pem(leaf), false);
            TlsCertificate generated = new TlsCertificate(certificate, key, TlsCertificate.fingerprint(leaf), true);
            LOG.info("generated a self-signed MQTT TLS certificate for localhost in {} (SHA-256 {})", dir,
                    generated.sha256Fingerprint());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated MQTT TLS certificate to " + dir
                    + "; make the data directory writable or set pactum.mqtt.tls.certificate and key", e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate a self-signed MQTT TLS certificate: " + e.getMessage(), e);
        }
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate selfSigned(KeyPair keys, Instant now)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X500Name name = new X500Name("CN=localhost, O=Pactum hub (self-signed)");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(127, RANDOM).add(BigInteger.ONE),
                // An hour back for clients whose clocks run a little behind.
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), name, keys.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(keys.getPublic()));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.iPAddress, "::1")}));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            if (object instanceof org.bouncycastle.util.io.pem.PemObjectGenerator generator) {
                writer.writeObject(generator);
            } else {
                writer.writeObject(object);
            }
        }
        return text.toString();
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        boolean existed = Files.isDirectory(dir);
        Files.createDirectories(dir);
        PosixFileAttributeView posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        if (!existed && posix != null) {
            posix.setPermissions(OWNER_ONLY_DIRECTORY);
        }
    }

    /** Writes atomically and never over an existing file; the key is owner-readable only from the start. */
    private static void writeNew(Path file, String content, boolean secret) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            if (posix != null) {
                posix.setPermissions(secret ? OWNER_ONLY : PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            if (Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString(), null, "another process generated it first");
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void warnIfShared(Path key) {
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(key, PosixFileAttributeView.class);
            if (posix != null && !OWNER_ONLY.containsAll(posix.readAttributes().permissions())) {
                LOG.warn("the MQTT TLS key {} is readable by others; restrict it with chmod 600", key);
            }
        } catch (IOException e) {
            LOG.warn("cannot read the permissions of the MQTT TLS key {}: {}", key, e.toString());
        }
    }
}
