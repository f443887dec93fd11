package io.pactum.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactum.core.signal.SecuritySignal;
import io.pactum.core.signal.SignalType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #6, partner exfiltration: a partner's API request that no agreement or role allows (403 or
 * 404) raises one {@link SignalType#ACCESS_DENIED} signal about the partner's organisation, which
 * detection counts; other callers' refusals raise none. The signal names the route, never the ids
 * the partner asked for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerAccessDeniedIT {
    private static final String V1 = "/api/v1";

    private TestHub hub;
    private Api api;
    private String op;
    private String partnerId;
    private String partner;
    private String supplier;
    private String deviceId;

    @BeforeAll
    void setUp(@TempDir Path dataDir) throws Exception {
        hub = TestHub.withSharing(dataDir);
        api = hub.api;
        op = hub.operatorToken;
        String supplierId = api.post(V1 + "/organisations", op, "{\"name\": \"Acme\", \"role\": \"supplier\"}").text("/id");
        supplier = api.post(V1 + "/organisations/" + supplierId + "/clients", op,
                "{\"name\": \"ci\", \"scopes\": [\"read\", \"write\"]}").text("/token");
        String productId = api.post(V1 + "/products", supplier, """
                {"model": "Pulse", "firmwareVersion": "1.0", "payloadFormat": "senml_json", "dataModel": {"fields": [
                  {"name": "heartRate", "type": "integer", "unit": "beat/min", "min": 20, "max": 250,
                   "category": "health"}]}}""").text("/id");
        assertThat(api.put(V1 + "/products/" + productId + "/approval", op, "{\"state\": \"approved\"}").status())
                .isEqualTo(200);
        deviceId = api.post(V1 + "/devices", supplier, "{\"productId\": \"" + productId + "\"}").text("/device/id");
        partnerId = api.post(V1 + "/organisations", op, "{\"name\": \"Snoop Analytics\", \"role\": \"partner\"}")
                .text("/id");
        partner = api.post(V1 + "/organisations/" + partnerId + "/clients", op,
                "{\"name\": \"ci\", \"scopes\": [\"read\", \"write\"]}").text("/token");
        assertThat(deviceId).isNotBlank();
    }

    @AfterAll
    void tearDown() {
        hub.close();
    }

    @Test
    void partnerAskingForADeviceWithoutAgreement_isRefused_andRaisesOneAccessDeniedSignal() {
        int before = accessDenied().size();

        Api.Reply reply = api.get(V1 + "/devices/" + deviceId, partner);

        assertThat(reply.status()).as("%s", reply).isIn(403, 404);
        List<SecuritySignal> raised = accessDenied().subList(before, accessDenied().size());
        assertThat(raised).hasSize(1);
        SecuritySignal signal = raised.get(0);
        assertThat(signal.subject()).isEqualTo(partnerId);
        assertThat(signal.source()).startsWith("http 127.0.0.1:");
        assertThat(signal.detail()).contains("GET " + V1 + "/devices/:id").contains(Integer.toString(reply.status()))
                .doesNotContain(deviceId);
    }

    @Test
    void partnerAskingForAnUnknownResource_raisesOneSignal_withThe404() {
        int before = accessDenied().size();

        Api.Reply reply = api.get(V1 + "/agreements/agreement-of-someone-else", partner);

        assertThat(reply.status()).as("%s", reply).isEqualTo(404);
        List<SecuritySignal> raised = accessDenied().subList(before, accessDenied().size());
        assertThat(raised).singleElement().satisfies(s -> {
            assertThat(s.subject()).isEqualTo(partnerId);
            assertThat(s.detail()).contains("GET " + V1 + "/agreements/:id answered 404")
                    .doesNotContain("agreement-of-someone-else");
        });
    }

    @Test
    void otherCallersRefusals_andPartnersOtherAnswers_raiseNone() {
        int before = accessDenied().size();

        assertThat(api.get(V1 + "/devices/no-such-device", op).status()).isEqualTo(404);
        assertThat(api.get(V1 + "/devices/no-such-device", supplier).status()).isEqualTo(404);
        assertThat(api.get(V1 + "/subjects", supplier).status()).isEqualTo(403);
        assertThat(api.get(V1 + "/me", partner).status()).isEqualTo(200);
        assertThat(api.get(V1 + "/devices/" + deviceId, partner.substring(0, partner.length() - 4) + "AAAA").status())
                .isEqualTo(401);
        assertThat(api.post(V1 + "/webhooks", partner, "{\"url\": 5}").status()).isEqualTo(400);

        assertThat(accessDenied()).hasSize(before);
    }

    private List<SecuritySignal> accessDenied() {
        return hub.signals.recent().stream().filter(s -> s.type() == SignalType.ACCESS_DENIED).toList();
    }
}
