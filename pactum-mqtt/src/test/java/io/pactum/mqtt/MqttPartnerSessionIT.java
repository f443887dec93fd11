package io.pactum.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pactum.core.privacy.FieldTransform;
import io.pactum.core.registry.IssuedToken;
import io.pactum.core.registry.OrganisationRole;
import io.pactum.core.registry.Scope;
import io.pactum.core.signal.SignalType;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A partner's CONNECT (bearer token as password, refused like a device's bad secret when invalid),
 * and its namespace: its own {@code partners/{org}/...} only, refusals raised as signals.
 */
class MqttPartnerSessionIT {
    private static final int V5_CLIENT_IDENTIFIER_NOT_VALID = 0x85;
    private static final int V5_BAD_USERNAME_OR_PASSWORD = 0x86;
    private static final int V5_NOT_AUTHORIZED = 0x87;
    private static final int V5_SERVER_UNAVAILABLE = 0x88;
    private static final int V5_SESSION_TAKEN_OVER = 0x8E;
    private static final int V3_IDENTIFIER_REJECTED = 2;
    private static final int V3_SERVER_UNAVAILABLE = 3;
    private static final int V3_BAD_USER_NAME_OR_PASSWORD = 4;
    private static final int V3_NOT_AUTHORIZED = 5;
    private static final int V3_SUBSCRIBE_FAILURE = 0x80;

    @TempDir
    Path dataDir;
    SharingHub hub;
    String care;
    String lab;
    IssuedToken careClient;
    String clientId;

    @BeforeEach
    void start() throws Exception {
        hub = SharingHub.start(dataDir);
        care = hub.organisation("Care Co", OrganisationRole.PARTNER);
        lab = hub.organisation("Lab Inc", OrganisationRole.PARTNER);
        careClient = hub.client(care, Scope.READ, Scope.WRITE);
        clientId = careClient.client().id();
        hub.agreement(care, Map.of("glucose", FieldTransform.KEEP));
        hub.device("meter-1");
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private int refusalV5(String clientId, String userName, String password) {
        return catchThrowableOfType(org.eclipse.paho.mqttv5.common.MqttException.class,
                () -> PartnerClient.v5(hub.url(), clientId, userName, password, PartnerClient.Options.clean()))
                .getReasonCode();
    }

    private int refusalV3(String clientId, String userName, String password) {
        return catchThrowableOfType(org.eclipse.paho.client.mqttv3.MqttException.class,
                () -> PartnerClient.v3(hub.url(), clientId, userName, password, PartnerClient.Options.clean()))
                .getReasonCode();
    }

    @Test
    void wrongOrRevokedToken_isRefusedAsBadCredentialsAndSignalled() throws Exception {
        String forged = "pct_" + clientId + "_" + "A".repeat(43);
        assertThat(refusalV5(clientId, clientId, forged)).isEqualTo(V5_BAD_USERNAME_OR_PASSWORD);
        assertThat(refusalV3(clientId, clientId, forged)).isEqualTo(V3_BAD_USER_NAME_OR_PASSWORD);

        hub.hub.registry.clients().revoke(hub.hub.operator, clientId);
        assertThat(refusalV5(clientId, clientId, careClient.token())).isEqualTo(V5_BAD_USERNAME_OR_PASSWORD);
        assertThat(refusalV3(clientId, clientId, careClient.token())).isEqualTo(V3_BAD_USER_NAME_OR_PASSWORD);

        assertThat(hub.hub.signals(SignalType.AUTHENTICATION_FAILURE, clientId)).hasSize(4);
    }

    @Test
    void operatorAndResearcherTokens_areRefusedNotAuthorized() throws Exception {
        IssuedToken operator = hub.client(hub.hub.operator.organisationId(), Scope.READ, Scope.WRITE);
        IssuedToken researcher = hub.client(hub.organisation("Bug Hunters", OrganisationRole.RESEARCHER), Scope.READ);
        for (IssuedToken token : new IssuedToken[] {operator, researcher}) {
            String id = token.client().id();
            assertThat(refusalV5(id, id, token.token())).isEqualTo(V5_NOT_AUTHORIZED);
            assertThat(refusalV3(id, id, token.token())).isEqualTo(V3_NOT_AUTHORIZED);
            assertThat(hub.hub.signals(SignalType.CONNECTION_REFUSED, id)).hasSize(2);
        }
    }

    @Test
    void clientIdOtherThanTheApiClientId_isRefused() {
        assertThat(refusalV5("someone-else", clientId, careClient.token())).isEqualTo(V5_CLIENT_IDENTIFIER_NOT_VALID);
        assertThat(refusalV3("someone-else", clientId, careClient.token())).isEqualTo(V3_IDENTIFIER_REJECTED);
        assertThat(hub.hub.signals(SignalType.AUTHENTICATION_FAILURE, clientId)).hasSize(2);
    }

    @Test
    void partners_beforeUsePartners_areRefusedServerUnavailable(@TempDir Path otherDir) throws Exception {
        try (SharingHub without = SharingHub.withoutPartners(otherDir)) {
            String org = without.organisation("Care Co", OrganisationRole.PARTNER);
            IssuedToken token = without.client(org, Scope.READ);
            String id = token.client().id();
            var v5 = catchThrowableOfType(org.eclipse.paho.mqttv5.common.MqttException.class,
                    () -> PartnerClient.v5(without.url(), id, id, token.token(), PartnerClient.Options.clean()));
            assertThat(v5.getReasonCode()).isEqualTo(V5_SERVER_UNAVAILABLE);
            var v3 = catchThrowableOfType(org.eclipse.paho.client.mqttv3.MqttException.class,
                    () -> PartnerClient.v3(without.url(), id, id, token.token(), PartnerClient.Options.clean()));
            assertThat(v3.getReasonCode()).isEqualTo(V3_SERVER_UNAVAILABLE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"partners/{lab}/records", "partners/+/records", "partners/#", "#", "devices/#",
            "devices/meter-1/telemetry", "$SYS/#", "partners/{care}/commands/abc", "partners/{care}/other"})
    void subscriptionOutsideItsOwnTopics_isRefusedPerFilterAndSignalled(String template) throws Exception {
        String filter = template.replace("{lab}", lab).replace("{care}", care);
        try (PartnerClient v5 = PartnerClient.connect(5, hub.url(), clientId, careClient.token(),
                PartnerClient.Options.clean())) {
            assertThat(v5.subscribe(filter, 1)).isEqualTo(V5_NOT_AUTHORIZED);
            assertThat(v5.isConnected()).isTrue();
        }
        try (PartnerClient v3 = PartnerClient.connect(3, hub.url(), clientId, careClient.token(),
                PartnerClient.Options.clean())) {
            assertThat(v3.subscribe(filter, 1)).isEqualTo(V3_SUBSCRIBE_FAILURE);
        }
        assertThat(hub.hub.signals(SignalType.FORBIDDEN_SUBSCRIPTION, clientId)).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"partners/{care}/records", "partners/{care}/#", "partners/{care}/+",
            "partners/{care}/command-results/+", "partners/{care}/command-results/abc"})
    void subscriptionInItsOwnNamespace_isGrantedAtMostQos1(String template) throws Exception {
        String filter = template.replace("{care}", care);
        try (PartnerClient v5 = PartnerClient.connect(5, hub.url(), clientId, careClient.token(),
                PartnerClient.Options.clean())) {
            assertThat(v5.subscribe(filter, 2)).isEqualTo(1);
        }
        try (PartnerClient v3 = PartnerClient.connect(3, hub.url(), clientId, careClient.token(),
                PartnerClient.Options.clean())) {
            assertThat(v3.subscribe(filter, 0)).isZero();
        }
        assertThat(hub.hub.signals(SignalType.FORBIDDEN_SUBSCRIPTION, clientId)).isEmpty();
    }

    @Test
    void recordsWithoutTheReadScope_areRefused() throws Exception {
        IssuedToken writer = hub.client(care, Scope.WRITE);
        String id = writer.client().id();
        try (PartnerClient v5 = PartnerClient.connect(5, hub.url(), id, writer.token(), PartnerClient.Options.clean())) {
            assertThat(v5.subscribe("partners/" + care + "/records", 1)).isEqualTo(V5_NOT_AUTHORIZED);
            assertThat(v5.subscribe("partners/" + care + "/command-results/+", 1)).as("results of its commands")
                    .isEqualTo(1);
        }
        assertThat(hub.hub.signals(SignalType.FORBIDDEN_SUBSCRIPTION, id)).hasSize(1);
    }

    @Test
    void publishOutsideItsCommandTopics_overMqtt5_isRefusedNotAuthorizedAndSignalled() throws Exception {
        try (PartnerClient v5 = PartnerClient.connect(5, hub.url(), clientId, careClient.token(),
                PartnerClient.Options.clean())) {
            assertThat(v5.publish("partners/" + lab + "/commands/abc", "{\"name\":\"x\"}", 1, null))
                    .isEqualTo(V5_NOT_AUTHORIZED);
            assertThat(v5.publish("devices/meter-1/telemetry", "{\"glucose\":5.0}", 1, null))
                    .isEqualTo(V5_NOT_AUTHORIZED);
            assertThat(v5.publish("partners/" + care + "/records", "{}", 1, null)).isEqualTo(V5_NOT_AUTHORIZED);
            assertThat(v5.isConnected()).isTrue();
        }
        assertThat(hub.hub.signals(SignalType.FORBIDDEN_PUBLISH, clientId)).hasSize(3);
        assertThat(hub.eventIds(care, 0)).as("nothing was ingested").isEmpty();
    }

    @Test
    void publishOutsideItsCommandTopics_overMqtt311_closesTheConnectionAndIsSignalled() throws Exception {
        try (PartnerClient v3 = PartnerClient.connect(3, hub.url(), clientId, careClient.token(),
                PartnerClient.Options.clean())) {
            try {
                v3.publish("devices/meter-1/telemetry", "{\"glucose\":5.0}", 1, null);
            } catch (org.eclipse.paho.client.mqttv3.MqttException expected) {
                // the connection closed before the acknowledgement
            }
            v3.awaitLost();
        }
        assertThat(hub.hub.signals(SignalType.FORBIDDEN_PUBLISH, clientId)).hasSize(1);
    }

    @Test
    void secondConnectionWithTheSameClientId_takesTheSessionOver() throws Exception {
        try (PartnerClient first = PartnerClient.connect(5, hub.url(), clientId, careClient.token(),
                PartnerClient.Options.clean());
                PartnerClient second = PartnerClient.connect(5, hub.url(), clientId, careClient.token(),
                        PartnerClient.Options.clean())) {
            assertThat(first.awaitLost()).isEqualTo(V5_SESSION_TAKEN_OVER);
            assertThat(second.isConnected()).isTrue();
            assertThat(second.subscribe("partners/" + care + "/records", 1)).isEqualTo(1);
        }
        assertThat(hub.hub.signals(SignalType.CLIENT_ID_CONFLICT, clientId)).hasSize(1);
    }
}
