package io.pactum.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pactum.core.registry.DeviceState;
import io.pactum.core.registry.ProvisionedDevice;
import io.pactum.core.signal.SignalType;
import java.nio.file.Path;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONNECT over MQTT 3.1.1 and 5: who may connect, and the reason code of every refusal. */
class MqttConnectIT {
    private static final int V5_BAD_USERNAME_OR_PASSWORD = 0x86;
    private static final int V5_NOT_AUTHORIZED = 0x87;
    private static final int V5_CLIENT_IDENTIFIER_NOT_VALID = 0x85;
    private static final int V3_IDENTIFIER_REJECTED = 2;
    private static final int V3_BAD_USER_NAME_OR_PASSWORD = 4;
    private static final int V3_NOT_AUTHORIZED = 5;

    @TempDir
    Path dataDir;
    final RecordingIngest ingest = new RecordingIngest();
    TestHub hub;

    @BeforeEach
    void start() throws Exception {
        hub = TestHub.start(dataDir, ingest);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void connect_withDeviceIdAndSecret_isAcceptedOverBothVersions() throws Exception {
        ProvisionedDevice device = hub.device("meter-1");
        try (V5Client v5 = V5Client.connect(hub, "meter-1", device.secret())) {
            assertThat(v5.client.isConnected()).isTrue();
            MqttProperties connack = v5.connectToken().getResponseProperties();
            assertThat(connack.getMaximumPacketSize()).isEqualTo((long) MqttSettings.DEFAULT_MAX_MESSAGE_BYTES);
            assertThat(connack.isRetainAvailable()).isFalse();
        }
        try (V3Client v3 = V3Client.connect(hub, "meter-1", device.secret())) {
            assertThat(v3.client.isConnected()).isTrue();
        }
    }

    @Test
    void connect_withWrongSecret_isRefusedAsBadUserNameOrPassword() throws Exception {
        hub.device("meter-1");
        String wrong = "not-the-secret-of-this-device";
        var v5 = catchThrowableOfType(org.eclipse.paho.mqttv5.common.MqttException.class,
                () -> V5Client.connect(hub, "meter-1", wrong));
        assertThat(v5.getReasonCode()).isEqualTo(V5_BAD_USERNAME_OR_PASSWORD);
        var v3 = catchThrowableOfType(org.eclipse.paho.client.mqttv3.MqttException.class,
                () -> V3Client.connect(hub, "meter-1", wrong));
        assertThat(v3.getReasonCode()).isEqualTo(V3_BAD_USER_NAME_OR_PASSWORD);
        assertThat(hub.signals(SignalType.AUTHENTICATION_FAILURE, "meter-1")).hasSize(2);
    }

    @Test
    void connect_ofUnknownDevice_isRefusedLikeAWrongSecret() throws Exception {
        var v5 = catchThrowableOfType(org.eclipse.paho.mqttv5.common.MqttException.class,
                () -> V5Client.connect(hub, "ghost-7", "some-secret-of-sorts"));
        assertThat(v5.getReasonCode()).isEqualTo(V5_BAD_USERNAME_OR_PASSWORD);
        var v3 = catchThrowableOfType(org.eclipse.paho.client.mqttv3.MqttException.class,
                () -> V3Client.connect(hub, "ghost-7", "some-secret-of-sorts"));
        assertThat(v3.getReasonCode()).isEqualTo(V3_BAD_USER_NAME_OR_PASSWORD);
        assertThat(hub.signals(SignalType.AUTHENTICATION_FAILURE, "ghost-7")).hasSize(2);
    }

    @Test
    void connect_ofDeviceWhoseProductWasSuspended_isRefusedAsNotAuthorized() throws Exception {
        ProvisionedDevice device = hub.device("meter-1");
        hub.suspendProduct();
        var v5 = catchThrowableOfType(org.eclipse.paho.mqttv5.common.MqttException.class,
                () -> V5Client.connect(hub, "meter-1", device.secret()));
        assertThat(v5.getReasonCode()).isEqualTo(V5_NOT_AUTHORIZED);
        var v3 = catchThrowableOfType(org.eclipse.paho.client.mqttv3.MqttException.class,
                () -> V3Client.connect(hub, "meter-1", device.secret()));
        assertThat(v3.getReasonCode()).isEqualTo(V3_NOT_AUTHORIZED);
        assertThat(hub.signals(SignalType.CONNECTION_REFUSED, "meter-1")).hasSize(2);
    }

    @Test
    void connect_ofQuarantinedOrRevokedDevice_isRefusedAsNotAuthorized() throws Exception {
        ProvisionedDevice quarantined = hub.device("meter-1");
        ProvisionedDevice revoked = hub.device("meter-2");
        hub.changeState("meter-1", DeviceState.QUARANTINED);
        hub.changeState("meter-2", DeviceState.REVOKED);
        var v5 = catchThrowableOfType(org.eclipse.paho.mqttv5.common.MqttException.class,
                () -> V5Client.connect(hub, "meter-1", quarantined.secret()));
        assertThat(v5.getReasonCode()).isEqualTo(V5_NOT_AUTHORIZED);
        var v3 = catchThrowableOfType(org.eclipse.paho.client.mqttv3.MqttException.class,
                () -> V3Client.connect(hub, "meter-2", revoked.secret()));
        assertThat(v3.getReasonCode()).isEqualTo(V3_NOT_AUTHORIZED);
    }

    @Test
    void connect_withClientIdOtherThanDeviceId_isRefusedAsInvalidIdentifier() throws Exception {
        ProvisionedDevice device = hub.device("meter-1");
        var v5 = catchThrowableOfType(org.eclipse.paho.mqttv5.common.MqttException.class,
                () -> V5Client.connect(hub, "someone-else", "meter-1", device.secret(), 60));
        assertThat(v5.getReasonCode()).isEqualTo(V5_CLIENT_IDENTIFIER_NOT_VALID);
        var v3 = catchThrowableOfType(org.eclipse.paho.client.mqttv3.MqttException.class,
                () -> V3Client.connect(hub, "someone-else", "meter-1", device.secret(), 60));
        assertThat(v3.getReasonCode()).isEqualTo(V3_IDENTIFIER_REJECTED);
    }

    @Test
    void connect_withKeepAliveAboveTheLimit_isToldTheLimitOverMqtt5AndRefusedOverMqtt311() throws Exception {
        ProvisionedDevice device = hub.device("meter-1");
        int tooLong = MqttSettings.DEFAULT_MAX_KEEP_ALIVE_SECONDS + 1;
        try (V5Client v5 = V5Client.connect(hub, "meter-1", "meter-1", device.secret(), tooLong)) {
            assertThat(v5.connectToken().getResponseProperties().getServerKeepAlive())
                    .isEqualTo(MqttSettings.DEFAULT_MAX_KEEP_ALIVE_SECONDS);
        }
        var v3 = catchThrowableOfType(org.eclipse.paho.client.mqttv3.MqttException.class,
                () -> V3Client.connect(hub, "meter-1", "meter-1", device.secret(), tooLong));
        assertThat(v3.getReasonCode()).isEqualTo(V3_NOT_AUTHORIZED);
    }
}
