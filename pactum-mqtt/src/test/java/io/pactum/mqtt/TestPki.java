package io.pactum.mqtt;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObjectGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A small certificate authority made in the test: a CA, a server certificate for
 * {@code localhost}/{@code 127.0.0.1} and device client certificates, all EC P-256. The CA and the
 * server pair are written as PEM for the adapter; clients get in-memory SSL contexts.
 */
final class TestPki {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] NO_PASSWORD = new char[0];

    /** A certificate and its key pair. */
    record Issued(X509Certificate certificate, KeyPair keys) {
        /** As devices are registered: SHA-256 of the DER certificate, lower-case hex. */
        String fingerprint() throws GeneralSecurityException {
            return ClientCertificates.sha256Hex(certificate.getEncoded());
        }
    }

    final Issued ca;
    final Path caPem;
    final Path serverCertificatePem;
    final Path serverKeyPem;

    private TestPki(Path dir, String caName) throws Exception {
        Files.createDirectories(dir);
        ca = selfSignedCa(caName);
        Issued server = issue(ca, "CN=localhost", false);
        caPem = writePem(dir.resolve("ca.pem"), ca.certificate());
        serverCertificatePem = writePem(dir.resolve("server.pem"), server.certificate());
        serverKeyPem = writePem(dir.resolve("server-key.pem"), new JcaPKCS8Generator(server.keys().getPrivate(), null));
    }

    /** A new CA with its server pair written under {@code dir}. */
    static TestPki create(Path dir, String caName) throws Exception {
        return new TestPki(dir, caName);
    }

    /** A client certificate for a device, signed by this CA. */
    Issued client(String deviceId) throws Exception {
        return issue(ca, "CN=" + deviceId, true);
    }

    /** A context that trusts this CA and, when given, presents {@code clientCertificate}. */
    SSLContext clientContext(@Nullable Issued clientCertificate) throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca.certificate());
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (clientCertificate != null) {
            keys.setKeyEntry("device", clientCertificate.keys().getPrivate(), NO_PASSWORD,
                    new X509Certificate[] {clientCertificate.certificate()});
        }
        keyManagers.init(keys, NO_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), RANDOM);
        return context;
    }

    private static Issued selfSignedCa(String name) throws Exception {
        KeyPair keys = ecKeys();
        X500Name subject = new X500Name("CN=" + name);
        X509v3CertificateBuilder builder = builder(subject, subject, keys);
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(keys.getPublic()));
        return new Issued(sign(builder, keys), keys);
    }

    private static Issued issue(Issued issuer, String subject, boolean client) throws Exception {
        KeyPair keys = ecKeys();
        X509v3CertificateBuilder builder = builder(
                X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
                new X500Name(subject), keys);
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(client ? KeyPurposeId.id_kp_clientAuth : KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                extensions.createAuthorityKeyIdentifier(issuer.certificate()));
        if (!client) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        }
        return new Issued(sign(builder, issuer.keys()), keys);
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject,
                keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static Path writePem(Path file, Object object) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
                JcaPEMWriter pem = new JcaPEMWriter(out)) {
            if (object instanceof PemObjectGenerator generator) {
                pem.writeObject(generator);
            } else {
                pem.writeObject(object);
            }
        }
        return file;
    }
}
