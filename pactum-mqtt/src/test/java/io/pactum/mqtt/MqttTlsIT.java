package io.pactum.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pactum.core.registry.ProvisionedDevice;
import io.pactum.core.signal.SignalType;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS and mutual TLS with a CA, server and device certificates made in the test: the plain and
 * the TLS listener side by side, devices by secret over TLS, devices by registered client
 * certificate without a password, and the refusals.
 */
class MqttTlsIT {
    private static final int V5_BAD_USERNAME_OR_PASSWORD = 0x86;
    private static final int V3_BAD_USER_NAME_OR_PASSWORD = 4;
    private static final String TELEMETRY = "devices/meter-1/telemetry";

    @TempDir
    Path dir;
    final RecordingIngest ingest = new RecordingIngest();
    TestPki pki;
    TestHub hub;

    @BeforeEach
    void createPki() throws Exception {
        pki = TestPki.create(dir.resolve("pki"), "Pactum Test Device CA");
    }

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    /** Plain TCP and TLS on free ports; mutual TLS when {@code clientCa}. */
    private void startHub(boolean clientCa) throws Exception {
        TlsSettings tls = new TlsSettings(0, pki.serverCertificatePem, pki.serverKeyPem, clientCa ? pki.caPem : null);
        hub = TestHub.start(dir.resolve("data"), MqttSettings.defaults("127.0.0.1", 0).withTls(tls), ingest);
    }

    private V5Client v5OverTls(String deviceId, @Nullable String secret, TestPki.@Nullable Issued certificate)
            throws Exception {
        return V5Client.connect(hub.tlsUrl(), pki.clientContext(certificate).getSocketFactory(), deviceId,
                secret != null ? deviceId : null, secret, 60);
    }

    @Test
    void deviceWithSecret_connectsOverTls_andItsMessageIsIngested() throws Exception {
        startHub(false);
        ProvisionedDevice device = hub.device("meter-1");
        try (V5Client v5 = v5OverTls("meter-1", device.secret(), null)) {
            assertThat(v5.publish(TELEMETRY, "{\"glucose\":5.1}", 1)).isZero();
        }
        try (V3Client v3 = V3Client.connect(hub.tlsUrl(), pki.clientContext(null).getSocketFactory(), "meter-1",
                "meter-1", device.secret(), 60)) {
            v3.publish(TELEMETRY, "{\"glucose\":5.2}", 1);
        }
        assertThat(ingest.texts()).containsExactly("{\"glucose\":5.1}", "{\"glucose\":5.2}");
    }

    @Test
    void plainAndTlsListeners_serveTheSameDevicesSideBySide() throws Exception {
        startHub(false);
        ProvisionedDevice device = hub.device("meter-1");
        assertThat(hub.port()).isPositive().isNotEqualTo(hub.adapter.actualTlsPort());
        try (V5Client plain = V5Client.connect(hub, "meter-1", device.secret())) {
            assertThat(plain.publish(TELEMETRY, "{\"over\":\"tcp\"}", 1)).isZero();
            // The same device over TLS takes the session over, as a second plain connection would.
            try (V5Client tls = v5OverTls("meter-1", device.secret(), null)) {
                assertThat(plain.awaitDisconnect()).isEqualTo(0x8E);
                assertThat(tls.publish(TELEMETRY, "{\"over\":\"tls\"}", 1)).isZero();
            }
        }
        assertThat(ingest.texts()).containsExactly("{\"over\":\"tcp\"}", "{\"over\":\"tls\"}");
    }

    @Test
    void plainTcpClient_cannotTalkToTheTlsPort() throws Exception {
        startHub(false);
        ProvisionedDevice device = hub.device("meter-1");
        String plainUrlOfTlsPort = "tcp://127.0.0.1:" + hub.adapter.actualTlsPort();
        MqttException refused = catchThrowableOfType(MqttException.class,
                () -> V5Client.connect(plainUrlOfTlsPort, null, "meter-1", "meter-1", device.secret(), 60));
        assertThat(refused).as("an MQTT CONNECT in clear text gets no CONNACK").isNotNull();
        // What a plain client gets back is a TLS alert or nothing, never an MQTT CONNACK (0x20).
        try (Socket socket = new Socket("127.0.0.1", hub.adapter.actualTlsPort())) {
            socket.setSoTimeout(3_000);
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {0x10, 0x0d, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x3c, 0x00, 0x01, 'x'});
            out.flush();
            InputStream in = socket.getInputStream();
            int first;
            try {
                first = in.read();
            } catch (SocketTimeoutException | java.net.SocketException closed) {
                first = -1;
            }
            assertThat(first).as("first byte back").isNotEqualTo(0x20);
        }
        assertThat(ingest.calls()).isEmpty();
    }

    @Test
    void tlsClientThatDoesNotTrustTheServer_failsTheHandshake() throws Exception {
        startHub(false);
        ProvisionedDevice device = hub.device("meter-1");
        TestPki stranger = TestPki.create(dir.resolve("other"), "Some Other CA");
        MqttException failed = catchThrowableOfType(MqttException.class, () -> V5Client.connect(hub.tlsUrl(),
                stranger.clientContext(null).getSocketFactory(), "meter-1", "meter-1", device.secret(), 60));
        assertThat(causedBy(failed, SSLHandshakeException.class)).as(String.valueOf(failed)).isTrue();
    }

    @Test
    void registeredClientCertificate_connectsWithoutPassword() throws Exception {
        startHub(true);
        TestPki.Issued certificate = pki.client("meter-1");
        hub.device("meter-1", hub.product, certificate.fingerprint());
        try (V5Client v5 = v5OverTls("meter-1", null, certificate)) {
            assertThat(v5.publish(TELEMETRY, "{\"by\":\"certificate\"}", 1)).isZero();
        }
        // A user name without a password is allowed too, as long as it is the device id.
        try (V3Client v3 = V3Client.connect(hub.tlsUrl(), pki.clientContext(certificate).getSocketFactory(),
                "meter-1", "meter-1", null, 60)) {
            v3.publish(TELEMETRY, "{\"by\":\"certificate, 3.1.1\"}", 1);
        }
        assertThat(ingest.texts()).containsExactly("{\"by\":\"certificate\"}", "{\"by\":\"certificate, 3.1.1\"}");
        assertThat(ingest.calls()).allMatch(call -> call.deviceId().equals("meter-1"));
        assertThat(hub.signals(SignalType.AUTHENTICATION_FAILURE, "meter-1")).isEmpty();
    }

    @Test
    void withMutualTls_aDeviceWithoutCertificate_stillConnectsWithItsSecret() throws Exception {
        startHub(true);
        ProvisionedDevice device = hub.device("meter-1");
        try (V5Client v5 = v5OverTls("meter-1", device.secret(), null)) {
            assertThat(v5.publish(TELEMETRY, "{\"glucose\":6.0}", 1)).isZero();
        }
        assertThat(ingest.texts()).containsExactly("{\"glucose\":6.0}");
    }

    @Test
    void clientCertificateRegisteredForAnotherDevice_isRefusedAsBadCredentialsAndSignalled() throws Exception {
        startHub(true);
        TestPki.Issued certificateOfMeter1 = pki.client("meter-1");
        hub.device("meter-1", hub.product, certificateOfMeter1.fingerprint());
        hub.device("meter-2", hub.product, pki.client("meter-2").fingerprint());

        // meter-1's valid certificate, claiming to be meter-2.
        MqttException v5 = catchThrowableOfType(MqttException.class, () -> v5OverTls("meter-2", null,
                certificateOfMeter1));
        assertThat(v5.getReasonCode()).isEqualTo(V5_BAD_USERNAME_OR_PASSWORD);
        var v3 = catchThrowableOfType(org.eclipse.paho.client.mqttv3.MqttException.class,
                () -> V3Client.connect(hub.tlsUrl(), pki.clientContext(certificateOfMeter1).getSocketFactory(),
                        "meter-2", null, null, 60));
        assertThat(v3.getReasonCode()).isEqualTo(V3_BAD_USER_NAME_OR_PASSWORD);
        assertThat(hub.signals(SignalType.AUTHENTICATION_FAILURE, "meter-2")).hasSize(2)
                .allMatch(s -> s.detail().contains("certificate not registered"));
        assertThat(ingest.calls()).isEmpty();
    }

    @Test
    void clientCertificateNotSignedByTheClientCa_failsTheHandshake() throws Exception {
        startHub(true);
        // A CA of the same name but another key: its certificates claim the right issuer, so the
        // client offers them for the hub's certificate request, and only the signature gives them away.
        TestPki rogueCa = TestPki.create(dir.resolve("rogue"), "Pactum Test Device CA");
        TestPki.Issued rogue = rogueCa.client("meter-1");
        // Even registered for the device: a certificate the CA did not sign never gets that far.
        hub.device("meter-1", hub.product, rogue.fingerprint());
        SSLContext trustsHubPresentsRogue = pki.clientContext(rogue);

        MqttException failed = catchThrowableOfType(MqttException.class, () -> V5Client.connect(hub.tlsUrl(),
                trustsHubPresentsRogue.getSocketFactory(), "meter-1", null, null, 60));
        assertThat(failed).isNotNull();
        // Paho's own codes (0 = client exception, e.g. the TLS alert surfacing as an SSLException;
        // 32000 and up otherwise), never a CONNACK reason code (0x80-0xA2): no CONNACK was received.
        assertThat(failed.getReasonCode()).as("no CONNACK was received")
                .satisfiesAnyOf(code -> assertThat(code).isZero(), code -> assertThat(code).isGreaterThanOrEqualTo(32_000));
        // The JDK client sees the server's alert at the handshake or at its first read after it (TLS 1.3).
        try (SSLSocket socket = (SSLSocket) trustsHubPresentsRogue.getSocketFactory()
                .createSocket("127.0.0.1", hub.adapter.actualTlsPort())) {
            socket.setSoTimeout(5_000);
            Throwable handshake = org.assertj.core.api.Assertions.catchThrowable(() -> {
                socket.startHandshake();
                socket.getOutputStream().write(new byte[] {(byte) 0xC0, 0x00}); // PINGREQ
                socket.getOutputStream().flush();
                if (socket.getInputStream().read() == -1) {
                    throw new java.io.EOFException("closed");
                }
            });
            assertThat(handshake).as("the server refuses the client certificate").isInstanceOf(
                    javax.net.ssl.SSLException.class);
        }
        assertThat(ingest.calls()).isEmpty();
        assertThat(hub.signals(SignalType.AUTHENTICATION_FAILURE, "meter-1")).isEmpty();
    }

    private static boolean causedBy(@Nullable Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
