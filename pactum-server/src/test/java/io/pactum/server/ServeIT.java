package io.pactum.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged hub as a user starts it: first start, restart, kill -9, bad configuration, a second
 * instance, the generated MQTT TLS certificate.
 */
class ServeIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void firstStart_printsAdminTokenOnce_andServesHealthAndApi() throws Exception {
        Path data = dir.resolve("data");
        String token;
        try (HubProcess hub = HubProcess.serve(data, dir.resolve("stderr-1.log"))) {
            assertThat(hub.token()).as("first start prints the operator token").isPresent();
            token = hub.token().orElseThrow();
            assertThat(hub.stdout()).anyMatch(l -> l.contains("http://127.0.0.1:" + hub.port() + "/api/v1"));
            assertThat(get(hub.port(), "/health", null).statusCode()).isEqualTo(200);
            assertThat(get(hub.port(), "/ready", null).statusCode()).isEqualTo(200);
            assertThat(get(hub.port(), "/api/v1/me", null).statusCode()).isEqualTo(401);
            HttpResponse<String> me = get(hub.port(), "/api/v1/me", token);
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("operator");
            assertThat(hub.stop()).as("exit code after SIGTERM").isIn(0, 143);
        }
        assertThat(Files.readString(dir.resolve("stderr-1.log"))).doesNotContain(token);

        try (HubProcess again = HubProcess.serve(data, dir.resolve("stderr-2.log"))) {
            assertThat(again.token()).as("the token is shown only on first start").isEmpty();
            assertThat(get(again.port(), "/api/v1/me", token).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void firstStart_generatesAMqttCertificateClientsCanPin_andRestartsReuseIt() throws Exception {
        Path data = dir.resolve("data");
        Path certificateFile = data.resolve("tls").resolve("mqtt-certificate.pem");
        Path keyFile = data.resolve("tls").resolve("mqtt-key.pem");
        byte[] certificateBytes;
        byte[] keyBytes;
        String fingerprint;
        try (HubProcess hub = HubProcess.serve(data, dir.resolve("stderr-1.log"))) {
            assertThat(certificateFile).isRegularFile();
            assertThat(keyFile).isRegularFile();
            if (Files.getFileAttributeView(keyFile, PosixFileAttributeView.class) != null) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            }
            X509Certificate certificate = readCertificate(certificateFile);
            fingerprint = hub.certificateFingerprint().orElseThrow();
            assertThat(fingerprint).as("the banner's fingerprint is the file's").isEqualTo(sha256(certificate));
            assertThat(hub.mqttTlsPort()).isPositive().isNotEqualTo(hub.mqttPort());
            assertThat(hub.stdout()).anyMatch(l -> l.contains("mqtts://127.0.0.1:" + hub.mqttTlsPort()))
                    .anyMatch(l -> l.contains("mqtt://127.0.0.1:" + hub.mqttPort()));

            // A client that pins the generated certificate completes the handshake (with host name
            // verification) and talks MQTT over it: an unknown device gets CONNACK "bad user name or password".
            assertThat(connackOverTls(hub.mqttTlsPort(), trusting(certificate))).isEqualTo(4);
            // A client that trusts only the usual CAs does not get that far: the certificate is self-signed.
            SSLContext defaultTrust = SSLContext.getInstance("TLS");
            defaultTrust.init(null, null, null);
            assertThatThrownBy(() -> connackOverTls(hub.mqttTlsPort(), defaultTrust))
                    .isInstanceOf(SSLHandshakeException.class);
            mosquittoPubWithPinnedCertificate(hub, certificateFile);
            certificateBytes = Files.readAllBytes(certificateFile);
            keyBytes = Files.readAllBytes(keyFile);
            assertThat(hub.stop()).isIn(0, 143);
        }

        try (HubProcess again = HubProcess.serve(data, dir.resolve("stderr-2.log"))) {
            assertThat(again.certificateFingerprint()).contains(fingerprint);
            assertThat(Files.readAllBytes(certificateFile)).as("certificate reused, not regenerated")
                    .isEqualTo(certificateBytes);
            assertThat(Files.readAllBytes(keyFile)).as("key reused").isEqualTo(keyBytes);
            assertThat(connackOverTls(again.mqttTlsPort(), trusting(readCertificate(certificateFile)))).isEqualTo(4);
        }
    }

    @Test
    void killedHub_keepsEverythingItAcknowledged() throws Exception {
        Path data = dir.resolve("data");
        String token;
        try (HubProcess hub = HubProcess.serve(data, dir.resolve("stderr-1.log"))) {
            token = hub.token().orElseThrow();
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> created = post(hub.port(), "/api/v1/organisations", token,
                        "{\"name\":\"Supplier " + i + "\",\"role\":\"supplier\"}");
                assertThat(created.statusCode()).isEqualTo(201);
            }
            hub.kill();
        }
        try (HubProcess again = HubProcess.serve(data, dir.resolve("stderr-2.log"))) {
            String list = get(again.port(), "/api/v1/organisations", token).body();
            for (int i = 0; i < 20; i++) {
                assertThat(list).contains("\"Supplier " + i + "\"");
            }
        }
    }

    @Test
    void invalidConfiguration_stopsStartWithMessageNamingTheKey() throws Exception {
        Process process = HubProcess.command("serve", "--data-dir", dir.toString(), "--http-port", "70000")
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("pactum.http.port", "70000", "expected an integer from 0 to 65535");
        assertThat(dir.resolve("keys")).doesNotExist();
        assertThat(dir.resolve("tls")).doesNotExist();
    }

    @Test
    void secondInstanceOnSameDataDir_isRefusedClearly() throws Exception {
        Path data = dir.resolve("data");
        try (HubProcess hub = HubProcess.serve(data, dir.resolve("stderr-1.log"))) {
            Process second = HubProcess.command("serve", "--data-dir", data.toString(), "--http-port", "0",
                    "--mqtt-port", "0", "--mqtt-tls-port", "0")
                    .redirectErrorStream(true).start();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("second instance exits").isTrue();
            String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(second.exitValue()).isNotZero();
            assertThat(output).containsIgnoringCase("pactum:").doesNotContain("Press Ctrl-C");
            assertThat(get(hub.port(), "/health", null).statusCode()).as("first instance unharmed").isEqualTo(200);
        }
    }

    @Test
    void configReference_listsEveryKey() throws Exception {
        Process process = HubProcess.command("config", "reference").start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isZero();
        assertThat(output).contains("pactum.http.port", "PACTUM_DB_URL", "pactum.http.max-body-bytes",
                "pactum.mqtt.tls-port", "PACTUM_MQTT_TLS_PORT");
    }

    private static X509Certificate readCertificate(Path pem) throws Exception {
        try (var in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static String sha256(X509Certificate certificate) throws Exception {
        return HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    /** A TLS context that trusts exactly {@code certificate}: pinning. */
    private static SSLContext trusting(X509Certificate certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("hub", certificate);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context;
    }

    /**
     * Completes a TLS handshake with host name verification for 127.0.0.1, sends an MQTT 3.1.1
     * CONNECT for a device that does not exist and returns the CONNACK return code.
     */
    private static int connackOverTls(int port, SSLContext context) throws Exception {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            byte[] connect = {0x10, 0x22, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, (byte) 0xc2, 0x00, 0x3c,
                    0x00, 0x05, 'g', 'h', 'o', 's', 't', 0x00, 0x05, 'g', 'h', 'o', 's', 't',
                    0x00, 0x08, 'n', 'o', 't', '-', 'i', 't', '!', '!'};
            socket.getOutputStream().write(connect);
            socket.getOutputStream().flush();
            byte[] connack = socket.getInputStream().readNBytes(4);
            assertThat(connack).hasSize(4);
            assertThat(connack[0]).as("CONNACK").isEqualTo((byte) 0x20);
            return connack[3];
        }
    }

    /** Debian's mosquitto_pub pinning the certificate with --cafile, when it is installed (in CI it is). */
    private static void mosquittoPubWithPinnedCertificate(HubProcess hub, Path certificateFile) throws Exception {
        boolean installed = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(p -> Files.isExecutable(Path.of(p, "mosquitto_pub")));
        if (!installed) {
            assertThat(System.getenv("CI")).as("mosquitto_pub must be installed in CI").isNull();
            return;
        }
        Process pub = new ProcessBuilder("mosquitto_pub", "--cafile", certificateFile.toString(), "-h", "127.0.0.1",
                "-p", String.valueOf(hub.mqttTlsPort()), "-V", "mqttv311", "-i", "ghost", "-u", "ghost",
                "-P", "not-its-secret", "-t", "devices/ghost/telemetry", "-m", "{}")
                .redirectErrorStream(true).start();
        assertThat(pub.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(pub.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).as("TLS succeeded; the hub refused the unknown device over MQTT")
                .containsIgnoringCase("bad user name or password").doesNotContainIgnoringCase("TLS error");
    }

    private HttpResponse<String> get(int port, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(int port, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
